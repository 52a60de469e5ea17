package org.wasipolyfill.core;

import org.wasipolyfill.core.abi.Advice;
import org.wasipolyfill.core.abi.ClockId;
import org.wasipolyfill.core.abi.Errno;
import org.wasipolyfill.core.abi.FdFlags;
import org.wasipolyfill.core.abi.FileType;
import org.wasipolyfill.core.abi.FstFlags;
import org.wasipolyfill.core.abi.Layout;
import org.wasipolyfill.core.abi.LookupFlags;
import org.wasipolyfill.core.abi.OFlags;
import org.wasipolyfill.core.abi.Whence;
import org.wasipolyfill.core.abi.Rights;
import org.wasipolyfill.core.fd.Descriptor;
import org.wasipolyfill.core.fd.DirectoryDescriptor;
import org.wasipolyfill.core.fd.FdTable;
import org.wasipolyfill.core.fd.FileDescriptor;
import org.wasipolyfill.core.fs.DirectoryNode;
import org.wasipolyfill.core.fs.FileData;
import org.wasipolyfill.core.fs.FileNode;
import org.wasipolyfill.core.abi.ErrnoException;
import org.wasipolyfill.core.fs.Inode;
import org.wasipolyfill.core.fs.MemFs;
import org.wasipolyfill.core.fs.PathResolver;
import org.wasipolyfill.core.fs.Resolved;
import org.wasipolyfill.core.fs.SymlinkNode;
import org.wasipolyfill.core.fs.TreeOperations;
import org.wasipolyfill.core.memory.GuestMemory;
import org.wasipolyfill.core.structs.Fdstat;
import org.wasipolyfill.core.structs.Filestat;
import org.wasipolyfill.core.structs.Prestat;

/**
 * The {@code wasi_snapshot_preview1} surface: one method per import, named as the camelCase of
 * the ABI name, parameters in ABI order (i32 as {@code int}, i64 as {@code long}), returning the
 * errno. This class alone decodes and encodes guest memory (through the writers of
 * {@code core.structs}); descriptors and the filesystem work on decoded values. A failure is
 * thrown as an {@link ErrnoException}, which the import binding that calls these methods returns as
 * its errno (generated from the table of imports, polyfill-core/src/main/witx); a wild pointer is
 * a {@link WasiTrap}, which the host turns into a trap.
 */
public final class Preview1 {
    public static final String MODULE = "wasi_snapshot_preview1";

    /** wasi-libc reads at most this much of a path; longer ones are ENAMETOOLONG. */
    private static final int PATH_MAX = 4096;
    private static final int RANDOM_PIECE = 1 << 30;
    private static final byte[] NO_BYTES = new byte[0];
    private static final int OFLAGS = OFlags.CREAT | OFlags.DIRECTORY | OFlags.EXCL | OFlags.TRUNC;
    private static final int FDFLAGS = FdFlags.APPEND | FdFlags.DSYNC | FdFlags.NONBLOCK | FdFlags.RSYNC | FdFlags.SYNC;

    private final WasiConfig config;
    private final MemFs fs;
    private final TreeOperations tree;
    private final WasiClock clock;
    private final FdTable fds;
    private final IoVecs iovecs = new IoVecs();
    /** Made at the first fd_readdir or poll_oneoff: most programs never call them. */
    private Readdir readdir;
    private PollOneoff pollOneoff;
    private final long startNanos;
    private byte[] pathScratch = NO_BYTES;
    private GuestMemory memory;

    public Preview1(WasiConfig config) {
        this.config = config;
        this.fs = config.fs();
        this.tree = fs.operations();
        this.clock = config.clock();
        this.startNanos = clock.monotonicNanos();
        this.fds = new FdTable(config.stdin(), config.stdout(), config.stderr(), config.preopenNames(),
                config.preopenDirectories(), config.preopenReadOnly(), config.maxOpenFiles());
    }

    /** Binds the guest's exported memory; must be called before the guest runs. */
    public void bindMemory(GuestMemory guestMemory) {
        this.memory = guestMemory;
    }

    public WasiConfig config() {
        return config;
    }

    // ---- args, environ ----

    public int argsGet(int argv, int argvBuf) {
        return writeStringList(config.argArray(), argv, argvBuf);
    }

    public int argsSizesGet(int argcPtr, int argvBufSizePtr) {
        return writeStringListSizes(config.argArray(), argcPtr, argvBufSizePtr);
    }

    public int environGet(int environ, int environBuf) {
        return writeStringList(config.envArray(), environ, environBuf);
    }

    public int environSizesGet(int environcPtr, int environBufSizePtr) {
        return writeStringListSizes(config.envArray(), environcPtr, environBufSizePtr);
    }

    // ---- clocks ----

    public int clockResGet(int id, int resolutionPtr) {
        long resolution;
        switch (id) {
            case ClockId.REALTIME -> resolution = clock.realtimeResolutionNanos();
            case ClockId.MONOTONIC, ClockId.PROCESS_CPUTIME_ID, ClockId.THREAD_CPUTIME_ID ->
                resolution = clock.monotonicResolutionNanos();
            default -> {
                return Errno.INVAL;
            }
        }
        memory.writeI64(resolutionPtr, resolution);
        return Errno.SUCCESS;
    }

    /**
     * The CPU-time clocks count from the instance's start on the monotonic clock: a single-threaded
     * guest in a JS host has no better measure of its own CPU time.
     */
    public int clockTimeGet(int id, long precision, int timePtr) {
        long time;
        switch (id) {
            case ClockId.REALTIME -> time = clock.realtimeNanos();
            case ClockId.MONOTONIC -> {
                clock.writeMonotonicNanos(memory, timePtr);
                return Errno.SUCCESS;
            }
            case ClockId.PROCESS_CPUTIME_ID, ClockId.THREAD_CPUTIME_ID -> time = clock.monotonicNanos() - startNanos;
            default -> {
                return Errno.INVAL;
            }
        }
        memory.writeI64(timePtr, time);
        return Errno.SUCCESS;
    }

    // ---- descriptors ----

    public int fdAdvise(int fd, long offset, long len, int advice) {
        Descriptor d = fds.get(fd, Rights.FD_ADVISE);
        if (advice < Advice.NORMAL || advice > Advice.NOREUSE || offset < 0 || len < 0) {
            return Errno.INVAL;
        }
        return d instanceof FileDescriptor ? Errno.SUCCESS : Errno.BADF;
    }

    public int fdAllocate(int fd, long offset, long len) {
        FileNode file = file(fds.get(fd, Rights.FD_ALLOCATE));
        if (offset < 0 || len <= 0) {
            return Errno.INVAL;
        }
        long end = offset + len;
        if (end < 0 || end > FileData.MAX_SIZE) {
            return Errno.FBIG;
        }
        if (end > file.data().length()) {
            file.data().setLength(end);
            file.touchModified(fs.now());
        }
        return Errno.SUCCESS;
    }

    public int fdClose(int fd) {
        fds.remove(fd);
        return Errno.SUCCESS;
    }

    public int fdDatasync(int fd) {
        fds.get(fd, Rights.FD_DATASYNC);
        return Errno.SUCCESS;
    }

    public int fdFdstatGet(int fd, int statPtr) {
        Descriptor d = fds.get(fd);
        Fdstat.write(memory, statPtr, d.fileType(), d.fdFlags(), d.rightsBase(), d.rightsInheriting());
        return Errno.SUCCESS;
    }

    public int fdFdstatSetFlags(int fd, int flags) {
        Descriptor d = fds.get(fd, Rights.FD_FDSTAT_SET_FLAGS);
        // As in Wasmtime, none of the SYNC family can be set here (EINVAL).
        if ((flags & ~(FdFlags.APPEND | FdFlags.NONBLOCK)) != 0) {
            return Errno.INVAL;
        }
        d.setFdFlags(flags);
        return Errno.SUCCESS;
    }

    public int fdFdstatSetRights(int fd, long fsRightsBase, long fsRightsInheriting) {
        fds.get(fd).setRights(fsRightsBase, fsRightsInheriting);
        return Errno.SUCCESS;
    }

    public int fdFilestatGet(int fd, int buf) {
        Descriptor d = fds.get(fd, Rights.FD_FILESTAT_GET);
        Inode node = d.inode();
        if (node == null) {
            Filestat.writeStream(memory, buf, d.fileType());
        } else {
            Filestat.write(memory, buf, fs.device(), node);
        }
        return Errno.SUCCESS;
    }

    public int fdFilestatSetSize(int fd, long size) {
        FileNode file = file(fds.get(fd, Rights.FD_FILESTAT_SET_SIZE));
        if (size < 0) {
            return Errno.INVAL;
        }
        file.data().setLength(size);
        file.touchModified(fs.now());
        return Errno.SUCCESS;
    }

    public int fdFilestatSetTimes(int fd, long atim, long mtim, int fstFlags) {
        Descriptor d = fds.get(fd, Rights.FD_FILESTAT_SET_TIMES);
        Inode node = d.inode();
        if (node == null) {
            return Errno.BADF;
        }
        return setTimes(node, atim, mtim, fstFlags);
    }

    public int fdPread(int fd, int iovs, int iovsLen, long offset, int nreadPtr) {
        int n = seekable(fd, Rights.FD_READ | Rights.FD_SEEK).pread(iovecs.at(memory, iovs, iovsLen), offset);
        memory.writeI32(nreadPtr, n);
        return Errno.SUCCESS;
    }

    public int fdPrestatGet(int fd, int buf) {
        byte[] name = preopenName(fd);
        Prestat.writeDir(memory, buf, name.length);
        return Errno.SUCCESS;
    }

    public int fdPrestatDirName(int fd, int path, int pathLen) {
        if (fds.get(fd) instanceof DirectoryDescriptor directory && directory.preopenName() == null) {
            return Errno.NOTDIR;
        }
        byte[] name = preopenName(fd);
        if (Integer.toUnsignedLong(pathLen) < name.length) {
            return Errno.NAMETOOLONG;
        }
        memory.write(path, name, 0, name.length);
        return Errno.SUCCESS;
    }

    public int fdPwrite(int fd, int iovs, int iovsLen, long offset, int nwrittenPtr) {
        int n = seekable(fd, Rights.FD_WRITE | Rights.FD_SEEK).pwrite(iovecs.at(memory, iovs, iovsLen), offset);
        memory.writeI32(nwrittenPtr, n);
        return Errno.SUCCESS;
    }

    public int fdRead(int fd, int iovs, int iovsLen, int nreadPtr) {
        int n = fds.get(fd, Rights.FD_READ).read(iovecs.at(memory, iovs, iovsLen));
        memory.writeI32(nreadPtr, n);
        return Errno.SUCCESS;
    }

    /**
     * For a host that suspends the guest instead of blocking: what {@link #fdRead} with these
     * arguments would wait for, or null when it would complete now (with an errno or a trap
     * included, which the call itself then gives). A read of nothing never waits.
     */
    public Pending fdReadPending(int fd, int iovs, int iovsLen) {
        try {
            Pending pending = fds.get(fd, Rights.FD_READ).readPending();
            return pending == null || iovecs.at(memory, iovs, iovsLen).checkedTotal() == 0 ? null : pending;
        } catch (ErrnoException | WasiTrap e) {
            return null;
        }
    }

    public int fdReaddir(int fd, int buf, int bufLen, long cookie, int bufusedPtr) {
        DirectoryDescriptor directory = directory(fd, Rights.FD_READDIR);
        if (cookie < 0) {
            return Errno.INVAL;
        }
        if (readdir == null) {
            readdir = new Readdir();
        }
        int used = readdir.fill(memory, directory.directory(), cookie, buf, bufLen);
        memory.writeI32(bufusedPtr, used);
        return Errno.SUCCESS;
    }

    public int fdRenumber(int fd, int to) {
        fds.renumber(fd, to);
        return Errno.SUCCESS;
    }

    public int fdSeek(int fd, long offset, int whence, int newoffsetPtr) {
        // Like wasi-common, a seek that does not move only needs FD_TELL (lseek(fd, 0, SEEK_CUR) is ftell).
        FileDescriptor d = seekable(fd, whence == Whence.CUR && offset == 0 ? Rights.FD_TELL : Rights.FD_SEEK);
        long position = d.seek(offset, whence);
        memory.writeI64(newoffsetPtr, position);
        return Errno.SUCCESS;
    }

    public int fdSync(int fd) {
        fds.get(fd, Rights.FD_SYNC);
        return Errno.SUCCESS;
    }

    /** A file is found without {@link #seekable}'s checks first: the cheapest call stays small enough to inline whole. */
    public int fdTell(int fd, int offsetPtr) {
        FileDescriptor file = fds.file(fd, Rights.FD_TELL);
        memory.writeI64(offsetPtr, (file != null ? file : seekable(fd, Rights.FD_TELL)).tell());
        return Errno.SUCCESS;
    }

    public int fdWrite(int fd, int iovs, int iovsLen, int nwrittenPtr) {
        int n = fds.get(fd, Rights.FD_WRITE).write(iovecs.at(memory, iovs, iovsLen));
        memory.writeI32(nwrittenPtr, n);
        return Errno.SUCCESS;
    }

    // ---- paths ----

    public int pathCreateDirectory(int fd, int path, int pathLen) {
        DirectoryDescriptor dir = directory(fd, Rights.PATH_CREATE_DIRECTORY);
        // mkdir never follows the last name, even before a trailing slash: "link/" is EEXIST.
        tree.createDirectory(entry(dir, path, pathLen));
        return Errno.SUCCESS;
    }

    public int pathFilestatGet(int fd, int flags, int path, int pathLen, int buf) {
        if (!validLookupFlags(flags)) {
            return Errno.INVAL;
        }
        Filestat.write(memory, buf, fs.device(), pathFilestatNode(fd, flags, path, pathLen));
        return Errno.SUCCESS;
    }

    public int pathFilestatSetTimes(int fd, int flags, int path, int pathLen, long atim, long mtim, int fstFlags) {
        if (!validLookupFlags(flags)) {
            return Errno.INVAL;
        }
        DirectoryDescriptor dir = directory(fd, Rights.PATH_FILESTAT_SET_TIMES);
        checkPath(path, pathLen);
        // Nothing to set: as utimensat with UTIME_OMIT for both times, Linux succeeds without a lookup.
        if (fstFlags == 0) {
            return Errno.SUCCESS;
        }
        return setTimes(resolveChecked(dir, path, pathLen, follows(flags)).requireExists(), atim, mtim, fstFlags);
    }

    public int pathLink(int oldFd, int oldFlags, int oldPath, int oldPathLen, int newFd, int newPath, int newPathLen) {
        if (!validLookupFlags(oldFlags)) {
            return Errno.INVAL;
        }
        DirectoryDescriptor from = directory(oldFd, Rights.PATH_LINK_SOURCE);
        DirectoryDescriptor to = directory(newFd, Rights.PATH_LINK_TARGET);
        Inode source = resolve(from, oldPath, oldPathLen, follows(oldFlags)).requireExists();
        tree.link(source, entry(to, newPath, newPathLen));
        return Errno.SUCCESS;
    }

    public int pathOpen(int fd, int dirflags, int path, int pathLen, int oflags, long fsRightsBase,
            long fsRightsInheriting, int fdflags, int fdPtr) {
        if (!validLookupFlags(dirflags) || (oflags & ~OFLAGS) != 0 || (fdflags & ~FDFLAGS) != 0) {
            return Errno.INVAL;
        }
        memory.checkRange(fdPtr, 4);
        if (fds.get(fd) instanceof FileDescriptor) {
            return Errno.NOTDIR;
        }
        DirectoryDescriptor dir = directory(fd, Rights.PATH_OPEN | rightsNeededToOpen(oflags));
        checkPath(path, pathLen);
        // As in Wasmtime, a read-only preopen refuses an open for writing outright.
        if (dir.readOnly() && (fsRightsBase & Rights.FD_WRITE) != 0) {
            return Errno.PERM;
        }
        // Before the open: an O_CREAT that cannot get an fd must not leave a file behind.
        fds.requireFree();
        if ((oflags & OFlags.CREAT) != 0 && (oflags & OFlags.DIRECTORY) != 0) {
            return Errno.INVAL;
        }
        // As in Wasmtime, none of the SYNC family of fdflags can be asked for at open (ENOTSUP).
        if ((fdflags & (FdFlags.DSYNC | FdFlags.RSYNC | FdFlags.SYNC)) != 0) {
            return Errno.NOTSUP;
        }
        Inode node = openedNode(dir, dirflags, path, pathLen, oflags);
        // The requested rights only ever meet the directory's inheritable ones, all in the low 30
        // bits: the high half of the guest's u64s cannot matter.
        Descriptor opened = node instanceof DirectoryNode directory
                ? openDirectory(dir, directory, oflags, (int) fsRightsBase, (int) fsRightsInheriting, fdflags)
                : openFile(dir, node, oflags, (int) fsRightsBase, fdflags);
        memory.writeI32(fdPtr, fds.add(opened));
        return Errno.SUCCESS;
    }

    public int pathReadlink(int fd, int path, int pathLen, int buf, int bufLen, int bufusedPtr) {
        DirectoryDescriptor dir = directory(fd, Rights.PATH_READLINK);
        Inode node = resolve(dir, path, pathLen, false).requireExists();
        if (!(node instanceof SymlinkNode link)) {
            return Errno.INVAL;
        }
        // Like readlink(2), a target longer than the buffer is silently truncated.
        byte[] target = link.target();
        int n = (int) Math.min(target.length, Integer.toUnsignedLong(bufLen));
        memory.checkRange(buf, n);
        memory.write(buf, target, 0, n);
        memory.writeI32(bufusedPtr, n);
        return Errno.SUCCESS;
    }

    public int pathRemoveDirectory(int fd, int path, int pathLen) {
        DirectoryDescriptor dir = directory(fd, Rights.PATH_REMOVE_DIRECTORY);
        tree.removeDirectory(entry(dir, path, pathLen));
        return Errno.SUCCESS;
    }

    public int pathRename(int fd, int oldPath, int oldPathLen, int newFd, int newPath, int newPathLen) {
        DirectoryDescriptor from = directory(fd, Rights.PATH_RENAME_SOURCE);
        DirectoryDescriptor to = directory(newFd, Rights.PATH_RENAME_TARGET);
        tree.rename(entry(from, oldPath, oldPathLen), entry(to, newPath, newPathLen));
        return Errno.SUCCESS;
    }

    public int pathSymlink(int oldPath, int oldPathLen, int fd, int newPath, int newPathLen) {
        byte[] target = readPath(oldPath, oldPathLen);
        PathResolver.checkTarget(target);
        DirectoryDescriptor dir = directory(fd, Rights.PATH_SYMLINK);
        // As in Wasmtime (cap-std): an absolute target could only ever be an escape.
        if (target.length > 0 && target[0] == '/') {
            return Errno.PERM;
        }
        tree.createSymlink(entry(dir, newPath, newPathLen), target);
        return Errno.SUCCESS;
    }

    public int pathUnlinkFile(int fd, int path, int pathLen) {
        DirectoryDescriptor dir = directory(fd, Rights.PATH_UNLINK_FILE);
        tree.unlinkFile(entry(dir, path, pathLen));
        return Errno.SUCCESS;
    }

    // ---- poll, proc, sched, random ----

    public int pollOneoff(int subscriptions, int events, int nsubscriptions, int neventsPtr) {
        memory.checkRange(neventsPtr, 4);
        if (nsubscriptions == 0) {
            memory.writeI32(neventsPtr, 0);
            return Errno.INVAL;
        }
        if (pollOneoff == null) {
            pollOneoff = new PollOneoff(fds, clock);
        }
        int n = pollOneoff.poll(memory, subscriptions, events, nsubscriptions);
        memory.writeI32(neventsPtr, n);
        return Errno.SUCCESS;
    }

    /**
     * For a host that suspends the guest instead of blocking: null when {@link #pollOneoff} with
     * these arguments would complete now (with an errno or a trap included), else what it would
     * wait for. The relative clock timeouts are fixed by the first plan of a set of subscriptions
     * and kept by the plans and the pollOneoff that follow, so waiting and asking again never
     * re-arms them.
     */
    public PollWait pollOneoffPlan(int subscriptions, int events, int nsubscriptions) {
        if (nsubscriptions <= 0) {
            return null;
        }
        try {
            if (pollOneoff == null) {
                pollOneoff = new PollOneoff(fds, clock);
            }
            return pollOneoff.plan(memory, subscriptions, events, nsubscriptions);
        } catch (ErrnoException | WasiTrap e) {
            return null;
        }
    }

    public void procExit(int rval) {
        throw new ProcExit(rval);
    }

    /** Signals have no meaning in this sandbox: ENOSYS (Wasmtime answers ENOTSUP). */
    public int procRaise(int sig) {
        return Errno.NOSYS;
    }

    public int schedYield() {
        return Errno.SUCCESS;
    }

    public int randomGet(int buf, int bufLen) {
        memory.checkRange(buf, bufLen);
        if (bufLen >= 0) {
            config.random().fill(memory, buf, bufLen);
        } else {
            // 2 GiB or more: in pieces, so the source never sees a negative length.
            long total = Integer.toUnsignedLong(bufLen);
            for (long done = 0; done < total; done += RANDOM_PIECE) {
                config.random().fill(memory, buf + (int) done, (int) Math.min(RANDOM_PIECE, total - done));
            }
        }
        return Errno.SUCCESS;
    }

    // ---- sockets: this host has none; only descriptors handed in could be sockets ----

    public int sockAccept(int fd, int flags, int fdPtr) {
        return notASocket(fd);
    }

    public int sockRecv(int fd, int riData, int riDataLen, int riFlags, int roDatalenPtr, int roFlagsPtr) {
        return notASocket(fd);
    }

    public int sockSend(int fd, int siData, int siDataLen, int siFlags, int soDatalenPtr) {
        return notASocket(fd);
    }

    public int sockShutdown(int fd, int how) {
        return notASocket(fd);
    }

    private int notASocket(int fd) {
        fds.get(fd);
        return Errno.NOTSOCK;
    }

    // ---- what Unstable needs to describe a file in its own layout ----

    GuestMemory memory() {
        return memory;
    }

    MemFs fs() {
        return fs;
    }

    /** The descriptor fd_filestat_get describes. */
    Descriptor filestatDescriptor(int fd) {
        return fds.get(fd, Rights.FD_FILESTAT_GET);
    }

    /** The inode path_filestat_get describes. */
    Inode pathFilestatNode(int fd, int flags, int path, int pathLen) {
        DirectoryDescriptor dir = directory(fd, Rights.PATH_FILESTAT_GET);
        checkPath(path, pathLen);
        readPathScratch(path, pathLen);
        return PathResolver.resolve(dir.directory(), pathScratch, pathLen, follows(flags)).requireExists();
    }

    // ---- helpers ----

    /** What path_open opens: the node the path names, or the file O_CREAT makes there. */
    private Inode openedNode(DirectoryDescriptor dir, int dirflags, int path, int pathLen, int oflags) {
        boolean create = (oflags & OFlags.CREAT) != 0;
        boolean exclusive = (oflags & OFlags.EXCL) != 0;
        // As in Linux, O_CREAT with a trailing slash is EISDIR once the directory it names a file in
        // is found; a last "." or ".." is no name to create, so O_EXCL makes it EEXIST, below.
        if (create && pathLen > 0 && memory.readU8(path + pathLen - 1) == '/'
                && entry(dir, path, pathLen).name() != null) {
            throw ErrnoException.of(Errno.ISDIR);
        }
        // O_CREAT|O_EXCL never follows a final symlink, whatever the lookup flags say.
        Resolved at = resolveChecked(dir, path, pathLen, follows(dirflags) && !(create && exclusive));
        if (at.exists()) {
            if (create && exclusive) {
                throw ErrnoException.of(Errno.EXIST);
            }
            return at.node();
        }
        if (!create) {
            throw ErrnoException.of(Errno.NOENT);
        }
        if (at.trailingSlash()) {
            throw ErrnoException.of(Errno.ISDIR);
        }
        return tree.createFile(at);
    }

    private static Descriptor openDirectory(DirectoryDescriptor dir, DirectoryNode directory, int oflags,
            int requestedBase, int requestedInheriting, int fdflags) {
        // Linux: a directory cannot be opened for writing, truncated, or "created" over.
        if ((oflags & (OFlags.TRUNC | OFlags.CREAT)) != 0 || (requestedBase & Rights.FD_WRITE) != 0) {
            throw ErrnoException.of(Errno.ISDIR);
        }
        int inheritable = dir.rightsInheriting();
        return new DirectoryDescriptor(directory, null, requestedBase & handedDown(dir) & Rights.DIRECTORY_BASE,
                requestedInheriting & inheritable & Rights.DIRECTORY_INHERITING, fdflags)
                .mountedReadOnly(dir.readOnly());
    }

    /** Opens a file; a symlink here is one not followed (ELOOP, or ENOTDIR with O_DIRECTORY). */
    private Descriptor openFile(DirectoryDescriptor dir, Inode node, int oflags, int requestedBase, int fdflags) {
        boolean directoryOnly = (oflags & OFlags.DIRECTORY) != 0;
        if (node instanceof SymlinkNode) {
            throw ErrnoException.of(directoryOnly ? Errno.NOTDIR : Errno.LOOP);
        }
        if (directoryOnly) {
            throw ErrnoException.of(Errno.NOTDIR);
        }
        FileNode file = (FileNode) node;
        if ((oflags & OFlags.TRUNC) != 0 && file.data().length() != 0) {
            file.data().setLength(0);
            file.touchModified(fs.now());
        }
        return new FileDescriptor(fs, file, requestedBase & handedDown(dir) & Rights.REGULAR_FILE_BASE, 0, fdflags)
                .mountedReadOnly(dir.readOnly());
    }

    /** What a directory hands down: a read-only preopen no more than it may, whatever it lists (see FdTable). */
    private static int handedDown(DirectoryDescriptor dir) {
        int inheritable = dir.rightsInheriting();
        return dir.readOnly() ? inheritable & Rights.READ_ONLY_INHERITING : inheritable;
    }

    /** path_open derives what the directory must allow from the flags. */
    private static int rightsNeededToOpen(int oflags) {
        int needed = 0;
        if ((oflags & OFlags.CREAT) != 0) {
            needed |= Rights.PATH_CREATE_FILE;
        }
        if ((oflags & OFlags.TRUNC) != 0) {
            needed |= Rights.PATH_FILESTAT_SET_SIZE;
        }
        return needed;
    }

    private int setTimes(Inode node, long atim, long mtim, int fstFlags) {
        if ((fstFlags & ~(FstFlags.ATIM | FstFlags.ATIM_NOW | FstFlags.MTIM | FstFlags.MTIM_NOW)) != 0
                || (fstFlags & (FstFlags.ATIM | FstFlags.ATIM_NOW)) == (FstFlags.ATIM | FstFlags.ATIM_NOW)
                || (fstFlags & (FstFlags.MTIM | FstFlags.MTIM_NOW)) == (FstFlags.MTIM | FstFlags.MTIM_NOW)) {
            return Errno.INVAL;
        }
        long now = fs.now();
        if ((fstFlags & FstFlags.ATIM) != 0) {
            node.setAtim(atim);
        } else if ((fstFlags & FstFlags.ATIM_NOW) != 0) {
            node.setAtim(now);
        }
        if ((fstFlags & FstFlags.MTIM) != 0) {
            node.setMtim(mtim);
        } else if ((fstFlags & FstFlags.MTIM_NOW) != 0) {
            node.setMtim(now);
        }
        node.touchCtim(now);
        return Errno.SUCCESS;
    }

    /**
     * The file for a positional call. A stream answers ESPIPE once its access mode allows the call
     * (pread of stdin is ESPIPE, pread of stdout EBADF), as in Wasmtime; any other kind lacks the
     * rights, so EBADF. Files come first and are returned as such, so the call on them is direct.
     */
    private FileDescriptor seekable(int fd, int rights) {
        Descriptor d = fds.get(fd);
        if (d instanceof FileDescriptor file) {
            file.require(rights);
            return file;
        }
        if (d.isStream()) {
            d.require(rights & Rights.ACCESS_MODE);
            throw ErrnoException.of(Errno.SPIPE);
        }
        // A directory, the only other kind, can never hold FD_SEEK or FD_TELL.
        throw ErrnoException.of(Errno.BADF);
    }

    /** The directory a path call starts from; anything else is EBADF, as in Wasmtime. */
    private DirectoryDescriptor directory(int fd, int rights) {
        if (fds.get(fd) instanceof DirectoryDescriptor directory) {
            directory.require(rights);
            return directory;
        }
        throw ErrnoException.of(Errno.BADF);
    }

    private static FileNode file(Descriptor d) {
        if (d instanceof FileDescriptor file) {
            return file.file();
        }
        throw ErrnoException.of(d.fileType() == FileType.DIRECTORY ? Errno.ISDIR : Errno.BADF);
    }

    private byte[] preopenName(int fd) {
        if (fds.get(fd) instanceof DirectoryDescriptor directory && directory.preopenName() != null) {
            return directory.preopenName();
        }
        throw ErrnoException.of(Errno.BADF);
    }

    /** Resolves through {@link #pathScratch}: no array per lookup, since the resolver keeps no reference to it. */
    private Resolved resolve(DirectoryDescriptor dir, int path, int pathLen, boolean followLast) {
        checkPath(path, pathLen);
        return resolveChecked(dir, path, pathLen, followLast);
    }

    /** {@link #resolve} for a path {@link #checkPath} has already accepted. */
    private Resolved resolveChecked(DirectoryDescriptor dir, int path, int pathLen, boolean followLast) {
        readPathScratch(path, pathLen);
        return PathResolver.resolve(dir.directory(), pathScratch, pathLen, followLast);
    }

    private void readPathScratch(int path, int pathLen) {
        if (pathScratch.length < pathLen) {
            pathScratch = new byte[Math.max(pathLen, Math.max(256, 2 * pathScratch.length))];
        }
        memory.read(path, pathScratch, 0, pathLen);
    }

    /** The directory entry a call on the name itself acts on ({@link PathResolver#resolveEntry}). */
    private Resolved entry(DirectoryDescriptor dir, int path, int pathLen) {
        checkPath(path, pathLen);
        readPathScratch(path, pathLen);
        return PathResolver.resolveEntry(dir.directory(), pathScratch, pathLen);
    }

    private void checkPath(int path, int pathLen) {
        memory.checkRange(path, pathLen);
        if (pathLen < 0 || pathLen > PATH_MAX) {
            throw ErrnoException.of(Errno.NAMETOOLONG);
        }
    }

    private byte[] readPath(int path, int pathLen) {
        checkPath(path, pathLen);
        byte[] bytes = new byte[pathLen];
        memory.read(path, bytes, 0, pathLen);
        return bytes;
    }

    /** As Wasmtime decodes a flags argument before the call: a bit no flag names is EINVAL. */
    private static boolean validLookupFlags(int lookupFlags) {
        return (lookupFlags & ~LookupFlags.SYMLINK_FOLLOW) == 0;
    }

    private static boolean follows(int lookupFlags) {
        return (lookupFlags & LookupFlags.SYMLINK_FOLLOW) != 0;
    }

    private int writeStringList(byte[][] values, int pointers, int buffer) {
        int at = buffer;
        for (int i = 0; i < values.length; i++) {
            byte[] value = values[i];
            memory.writeI32(pointers + 4 * i, at);
            memory.write(at, value, 0, value.length);
            memory.writeU8(at + value.length, 0);
            at += value.length + 1;
        }
        return Errno.SUCCESS;
    }

    private int writeStringListSizes(byte[][] values, int countPtr, int bufSizePtr) {
        int size = 0;
        for (int i = 0; i < values.length; i++) {
            size += values[i].length + 1;
        }
        memory.writeI32(countPtr, values.length);
        memory.writeI32(bufSizePtr, size);
        return Errno.SUCCESS;
    }
}
