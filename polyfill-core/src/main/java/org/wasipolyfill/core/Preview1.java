package org.wasipolyfill.core;

import java.util.List;
import org.wasipolyfill.core.abi.Errno;
import org.wasipolyfill.core.memory.GuestMemory;

/**
 * The {@code wasi_snapshot_preview1} surface: one method per import, named as the camelCase of
 * the ABI name, parameters in ABI order (i32 as {@code int}, i64 as {@code long}), returning the
 * errno. This class alone decodes and encodes guest memory.
 */
public final class Preview1 {
    public static final String MODULE = "wasi_snapshot_preview1";

    private final WasiConfig config;
    private GuestMemory memory;

    public Preview1(WasiConfig config) {
        this.config = config;
    }

    /** Binds the guest's exported memory; must be called before the guest runs. */
    public void bindMemory(GuestMemory guestMemory) {
        this.memory = guestMemory;
    }

    public WasiConfig config() {
        return config;
    }

    /** args_get */
    public int argsGet(int argv, int argvBuf) {
        return writeStringList(config.args(), argv, argvBuf);
    }

    /** args_sizes_get */
    public int argsSizesGet(int argcPtr, int argvBufSizePtr) {
        return writeStringListSizes(config.args(), argcPtr, argvBufSizePtr);
    }

    /** environ_get */
    public int environGet(int environ, int environBuf) {
        return writeStringList(config.env(), environ, environBuf);
    }

    /** environ_sizes_get */
    public int environSizesGet(int environcPtr, int environBufSizePtr) {
        return writeStringListSizes(config.env(), environcPtr, environBufSizePtr);
    }

    /** clock_res_get */
    public int clockResGet(int id, int resolutionPtr) {
        return Errno.NOSYS;
    }

    /** clock_time_get */
    public int clockTimeGet(int id, long precision, int timePtr) {
        return Errno.NOSYS;
    }

    /** fd_advise */
    public int fdAdvise(int fd, long offset, long len, int advice) {
        return Errno.NOSYS;
    }

    /** fd_allocate */
    public int fdAllocate(int fd, long offset, long len) {
        return Errno.NOSYS;
    }

    /** fd_close */
    public int fdClose(int fd) {
        return Errno.NOSYS;
    }

    /** fd_datasync */
    public int fdDatasync(int fd) {
        return Errno.NOSYS;
    }

    /** fd_fdstat_get */
    public int fdFdstatGet(int fd, int statPtr) {
        return Errno.NOSYS;
    }

    /** fd_fdstat_set_flags */
    public int fdFdstatSetFlags(int fd, int flags) {
        return Errno.NOSYS;
    }

    /** fd_fdstat_set_rights */
    public int fdFdstatSetRights(int fd, long fsRightsBase, long fsRightsInheriting) {
        return Errno.NOSYS;
    }

    /** fd_filestat_get */
    public int fdFilestatGet(int fd, int buf) {
        return Errno.NOSYS;
    }

    /** fd_filestat_set_size */
    public int fdFilestatSetSize(int fd, long size) {
        return Errno.NOSYS;
    }

    /** fd_filestat_set_times */
    public int fdFilestatSetTimes(int fd, long atim, long mtim, int fstFlags) {
        return Errno.NOSYS;
    }

    /** fd_pread */
    public int fdPread(int fd, int iovs, int iovsLen, long offset, int nreadPtr) {
        return Errno.NOSYS;
    }

    /** fd_prestat_get */
    public int fdPrestatGet(int fd, int buf) {
        return Errno.NOSYS;
    }

    /** fd_prestat_dir_name */
    public int fdPrestatDirName(int fd, int path, int pathLen) {
        return Errno.NOSYS;
    }

    /** fd_pwrite */
    public int fdPwrite(int fd, int iovs, int iovsLen, long offset, int nwrittenPtr) {
        return Errno.NOSYS;
    }

    /** fd_read */
    public int fdRead(int fd, int iovs, int iovsLen, int nreadPtr) {
        return Errno.NOSYS;
    }

    /** fd_readdir */
    public int fdReaddir(int fd, int buf, int bufLen, long cookie, int bufusedPtr) {
        return Errno.NOSYS;
    }

    /** fd_renumber */
    public int fdRenumber(int fd, int to) {
        return Errno.NOSYS;
    }

    /** fd_seek */
    public int fdSeek(int fd, long offset, int whence, int newoffsetPtr) {
        return Errno.NOSYS;
    }

    /** fd_sync */
    public int fdSync(int fd) {
        return Errno.NOSYS;
    }

    /** fd_tell */
    public int fdTell(int fd, int offsetPtr) {
        return Errno.NOSYS;
    }

    /** fd_write */
    public int fdWrite(int fd, int iovs, int iovsLen, int nwrittenPtr) {
        return Errno.NOSYS;
    }

    /** path_create_directory */
    public int pathCreateDirectory(int fd, int path, int pathLen) {
        return Errno.NOSYS;
    }

    /** path_filestat_get */
    public int pathFilestatGet(int fd, int flags, int path, int pathLen, int buf) {
        return Errno.NOSYS;
    }

    /** path_filestat_set_times */
    public int pathFilestatSetTimes(int fd, int flags, int path, int pathLen, long atim, long mtim, int fstFlags) {
        return Errno.NOSYS;
    }

    /** path_link */
    public int pathLink(int oldFd, int oldFlags, int oldPath, int oldPathLen, int newFd, int newPath, int newPathLen) {
        return Errno.NOSYS;
    }

    /** path_open */
    public int pathOpen(int fd, int dirflags, int path, int pathLen, int oflags, long fsRightsBase, long fsRightsInheriting, int fdflags, int fdPtr) {
        return Errno.NOSYS;
    }

    /** path_readlink */
    public int pathReadlink(int fd, int path, int pathLen, int buf, int bufLen, int bufusedPtr) {
        return Errno.NOSYS;
    }

    /** path_remove_directory */
    public int pathRemoveDirectory(int fd, int path, int pathLen) {
        return Errno.NOSYS;
    }

    /** path_rename */
    public int pathRename(int fd, int oldPath, int oldPathLen, int newFd, int newPath, int newPathLen) {
        return Errno.NOSYS;
    }

    /** path_symlink */
    public int pathSymlink(int oldPath, int oldPathLen, int fd, int newPath, int newPathLen) {
        return Errno.NOSYS;
    }

    /** path_unlink_file */
    public int pathUnlinkFile(int fd, int path, int pathLen) {
        return Errno.NOSYS;
    }

    /** poll_oneoff */
    public int pollOneoff(int subscriptions, int events, int nsubscriptions, int neventsPtr) {
        return Errno.NOSYS;
    }

    /** proc_exit */
    public void procExit(int rval) {
        throw new ProcExit(rval);
    }

    /** proc_raise */
    public int procRaise(int sig) {
        return Errno.NOSYS;
    }

    /** sched_yield */
    public int schedYield() {
        return Errno.SUCCESS;
    }

    /** random_get */
    public int randomGet(int buf, int bufLen) {
        return Errno.NOSYS;
    }

    /** sock_accept */
    public int sockAccept(int fd, int flags, int fdPtr) {
        return Errno.NOSYS;
    }

    /** sock_recv */
    public int sockRecv(int fd, int riData, int riDataLen, int riFlags, int roDatalenPtr, int roFlagsPtr) {
        return Errno.NOSYS;
    }

    /** sock_send */
    public int sockSend(int fd, int siData, int siDataLen, int siFlags, int soDatalenPtr) {
        return Errno.NOSYS;
    }

    /** sock_shutdown */
    public int sockShutdown(int fd, int how) {
        return Errno.NOSYS;
    }

    private int writeStringList(List<byte[]> values, int pointers, int buffer) {
        int at = buffer;
        for (int i = 0; i < values.size(); i++) {
            byte[] value = values.get(i);
            memory.writeI32(pointers + 4 * i, at);
            memory.write(at, value, 0, value.length);
            memory.writeU8(at + value.length, 0);
            at += value.length + 1;
        }
        return Errno.SUCCESS;
    }

    private int writeStringListSizes(List<byte[]> values, int countPtr, int bufSizePtr) {
        int size = 0;
        for (byte[] value : values) {
            size += value.length + 1;
        }
        memory.writeI32(countPtr, values.size());
        memory.writeI32(bufSizePtr, size);
        return Errno.SUCCESS;
    }
}
