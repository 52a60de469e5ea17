package org.wasipolyfill.core.fd;

import org.wasipolyfill.core.InputSource;
import org.wasipolyfill.core.OutputSink;
import org.wasipolyfill.core.abi.Errno;
import org.wasipolyfill.core.abi.Rights;
import org.wasipolyfill.core.fs.DirectoryNode;
import org.wasipolyfill.core.abi.ErrnoException;

/**
 * The guest's file descriptors: small integers indexing descriptors; the lowest free one is reused.
 *
 * <p>The descriptors a guest starts with (stdio and the preopens) are opened on first use: most
 * programs touch one or two of them, and a WASI is made per run. Until then their fds are taken,
 * so nothing else can be placed there, and they behave in every call as if they were open.
 */
public final class FdTable {
    /** Holds the fd of an initial descriptor not opened yet; never handed out. */
    private static final Descriptor UNOPENED = new UnopenedDescriptor();

    private final InputSource stdin;
    private final OutputSink stdout;
    private final OutputSink stderr;
    private final byte[][] preopenNames;
    private final DirectoryNode[] preopenDirectories;
    private final boolean[] preopenReadOnly;
    private final int maxOpen;
    private Descriptor[] slots;

    /** As the full constructor, with every preopen writable and no limit on open descriptors. */
    public FdTable(InputSource stdin, OutputSink stdout, OutputSink stderr, byte[][] preopenNames,
            DirectoryNode[] preopenDirectories) {
        this(stdin, stdout, stderr, preopenNames, preopenDirectories, null, Integer.MAX_VALUE);
    }

    /**
     * A table starting with stdin, stdout and stderr at fds 0 to 2 and then {@code preopenDirectories[i]},
     * named {@code preopenNames[i]}, at fd 3 + i, read-only where {@code preopenReadOnly[i]} (null,
     * or past its end: writable). No descriptor is placed at {@code maxOpen} or above (EMFILE). The arrays are kept, not copied.
     */
    public FdTable(InputSource stdin, OutputSink stdout, OutputSink stderr, byte[][] preopenNames,
            DirectoryNode[] preopenDirectories, boolean[] preopenReadOnly, int maxOpen) {
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
        this.preopenNames = preopenNames;
        this.preopenDirectories = preopenDirectories;
        this.preopenReadOnly = preopenReadOnly;
        this.maxOpen = maxOpen;
        int initialCount = 3 + preopenNames.length;
        this.slots = new Descriptor[Math.max(8, initialCount + 1)];
        for (int fd = 0; fd < initialCount; fd++) {
            slots[fd] = UNOPENED;
        }
    }

    /** The descriptor at {@code fd}, or EBADF. */
    public Descriptor get(int fd) {
        Descriptor descriptor = fd >= 0 && fd < slots.length ? slots[fd] : null;
        if (descriptor == null) {
            throw ErrnoException.of(Errno.BADF);
        }
        return descriptor != UNOPENED ? descriptor : (slots[fd] = open(fd));
    }

    private Descriptor open(int fd) {
        return switch (fd) {
            case 0 -> new StdinDescriptor(stdin);
            case 1 -> new OutputDescriptor(stdout);
            case 2 -> new OutputDescriptor(stderr);
            default -> preopen(fd - 3, preopenReadOnly != null && fd - 3 < preopenReadOnly.length
                    && preopenReadOnly[fd - 3]);
        };
    }

    /** The file at {@code fd} if it is one holding {@code rights}, else null; never throws. */
    public FileDescriptor file(int fd, int rights) {
        Descriptor descriptor = fd >= 0 && fd < slots.length ? slots[fd] : null;
        return descriptor instanceof FileDescriptor file && file.holds(rights) ? file : null;
    }

    /**
     * A read-only preopen lists FD_WRITE among its inheriting rights, though it never hands it down:
     * wasi-libc asks path_open only for the write rights a directory lists, and an open that asks
     * for FD_WRITE is refused with EPERM, as in Wasmtime.
     */
    private Descriptor preopen(int index, boolean readOnly) {
        return new DirectoryDescriptor(preopenDirectories[index], preopenNames[index],
                readOnly ? Rights.READ_ONLY_DIRECTORY_BASE : Rights.DIRECTORY_BASE,
                readOnly ? Rights.READ_ONLY_INHERITING | Rights.FD_WRITE : Rights.DIRECTORY_INHERITING, 0)
                .mountedReadOnly(readOnly);
    }

    /** The descriptor at {@code fd} holding {@code rights}, or EBADF / ENOTCAPABLE. */
    public Descriptor get(int fd, int rights) {
        Descriptor descriptor = get(fd);
        descriptor.require(rights);
        return descriptor;
    }

    /** The fd {@link #add} would take (possibly past the slots), or EMFILE when none is left. */
    public int requireFree() {
        int fd = 0;
        while (fd < slots.length && slots[fd] != null) {
            fd++;
        }
        if (fd >= maxOpen) {
            throw ErrnoException.of(Errno.MFILE);
        }
        return fd;
    }

    /** Places {@code descriptor} at the lowest free fd and returns it; EMFILE when none is left. */
    public int add(Descriptor descriptor) {
        int fd = requireFree();
        if (fd < slots.length) {
            slots[fd] = descriptor;
            return fd;
        }
        Descriptor[] grown = new Descriptor[slots.length * 2];
        System.arraycopy(slots, 0, grown, 0, slots.length);
        slots = grown;
        slots[fd] = descriptor;
        return fd;
    }

    public Descriptor remove(int fd) {
        Descriptor descriptor = get(fd);
        slots[fd] = null;
        descriptor.close();
        return descriptor;
    }

    /** fd_renumber: {@code to} closes and takes {@code from}'s descriptor; both must be open. */
    public void renumber(int from, int to) {
        Descriptor moving = get(from);
        Descriptor replaced = get(to);
        if (from != to) {
            replaced.close();
            slots[to] = moving;
            slots[from] = null;
        }
    }

    /** The placeholder in an initial descriptor's slot; {@link #get} replaces it before anyone sees it. */
    private static final class UnopenedDescriptor extends Descriptor {
        UnopenedDescriptor() {
            super(0, 0, 0);
        }

        @Override
        public int fileType() {
            throw new IllegalStateException("an unopened descriptor was handed out");
        }

        @Override
        protected int kindRights() {
            return 0;
        }
    }
}
