package org.wasipolyfill.core.fd;

import org.wasipolyfill.core.InputSource;
import org.wasipolyfill.core.OutputSink;
import org.wasipolyfill.core.abi.Errno;
import org.wasipolyfill.core.abi.Rights;
import org.wasipolyfill.core.fs.DirectoryNode;
import org.wasipolyfill.core.fs.FsException;

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
    private Descriptor[] slots;

    /**
     * A table starting with stdin, stdout and stderr at fds 0 to 2 and then {@code preopenDirectories[i]},
     * named {@code preopenNames[i]}, at fd 3 + i. The arrays are kept, not copied.
     */
    public FdTable(InputSource stdin, OutputSink stdout, OutputSink stderr, byte[][] preopenNames,
            DirectoryNode[] preopenDirectories) {
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
        this.preopenNames = preopenNames;
        this.preopenDirectories = preopenDirectories;
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
            throw FsException.of(Errno.BADF);
        }
        return descriptor != UNOPENED ? descriptor : (slots[fd] = open(fd));
    }

    private Descriptor open(int fd) {
        return switch (fd) {
            case 0 -> new StdinDescriptor(stdin);
            case 1 -> new OutputDescriptor(stdout);
            case 2 -> new OutputDescriptor(stderr);
            default -> new DirectoryDescriptor(preopenDirectories[fd - 3], preopenNames[fd - 3],
                    Rights.DIRECTORY_BASE, Rights.DIRECTORY_INHERITING, 0);
        };
    }

    /**
     * The file at {@code fd} if it is one holding {@code rights}, else null (then {@link #get(int,
     * int)} and the kind of descriptor tell why). Never throws: it serves the hot paths of the
     * positional calls, which then need no exception handler.
     */
    public FileDescriptor file(int fd, int rights) {
        Descriptor descriptor = fd >= 0 && fd < slots.length ? slots[fd] : null;
        return descriptor instanceof FileDescriptor file && file.holds(rights) ? file : null;
    }

    /** The descriptor at {@code fd} holding {@code rights}, or EBADF / ENOTCAPABLE. */
    public Descriptor get(int fd, int rights) {
        Descriptor descriptor = get(fd);
        descriptor.require(rights);
        return descriptor;
    }

    /** Places {@code descriptor} at the lowest free fd and returns it. */
    public int add(Descriptor descriptor) {
        for (int fd = 0; fd < slots.length; fd++) {
            if (slots[fd] == null) {
                slots[fd] = descriptor;
                return fd;
            }
        }
        int fd = slots.length;
        // Not Arrays.copyOf: for an object array TeaVM makes the copy through reflection.
        Descriptor[] grown = new Descriptor[slots.length * 2];
        System.arraycopy(slots, 0, grown, 0, slots.length);
        slots = grown;
        slots[fd] = descriptor;
        return fd;
    }

    public Descriptor remove(int fd) {
        Descriptor descriptor = get(fd);
        slots[fd] = null;
        return descriptor;
    }

    /** fd_renumber: {@code to} closes and takes {@code from}'s descriptor; both must be open. */
    public void renumber(int from, int to) {
        Descriptor moving = get(from);
        get(to);
        if (from != to) {
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
