package org.wasipolyfill.core.fuzz;

import java.nio.charset.StandardCharsets;

/**
 * One generated syscall with its raw arguments. Descriptors are selectors, turned into an fd when
 * the call runs (see {@link Harness#pick}), so that a shrunk sequence still names open descriptors.
 * {@code wild} > 0 replaces one pointer argument with one outside memory.
 */
record Call(Op op, int fd, int fd2, byte[] path, byte[] path2, boolean follow, int oflags, int rights, int fdflags,
        long offset, int length, int iovecs, int whence, int seed, int wild) {

    enum Op {
        PATH_OPEN, FD_CLOSE, FD_RENUMBER, FD_FDSTAT_SET_RIGHTS, FD_FDSTAT_GET, FD_WRITE, FD_PWRITE, FD_READ,
        FD_PREAD, FD_SEEK, FD_TELL, FD_FILESTAT_SET_SIZE, FD_ALLOCATE, FD_FILESTAT_GET, FD_READDIR,
        PATH_CREATE_DIRECTORY, PATH_REMOVE_DIRECTORY, PATH_UNLINK_FILE, PATH_RENAME, PATH_LINK, PATH_SYMLINK,
        PATH_READLINK, PATH_FILESTAT_GET
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(op.name().toLowerCase()).append('(');
        switch (op) {
            case PATH_OPEN -> s.append("fd#").append(fd).append(follow ? " follow " : " ").append(show(path))
                    .append(" oflags=").append(oflags).append(" rights#").append(rights).append(" fdflags=").append(fdflags);
            case FD_CLOSE, FD_FDSTAT_GET, FD_TELL, FD_FILESTAT_GET -> s.append("fd#").append(fd);
            case FD_RENUMBER -> s.append("fd#").append(fd).append(" -> fd#").append(fd2);
            case FD_FDSTAT_SET_RIGHTS -> s.append("fd#").append(fd).append(" change#").append(rights);
            case FD_WRITE, FD_READ -> s.append("fd#").append(fd).append(" len=").append(length).append(" iovecs=").append(iovecs);
            case FD_PWRITE, FD_PREAD -> s.append("fd#").append(fd).append(" len=").append(length).append(" iovecs=")
                    .append(iovecs).append(" offset=").append(offset);
            case FD_SEEK -> s.append("fd#").append(fd).append(" offset=").append(offset).append(" whence=").append(whence);
            case FD_FILESTAT_SET_SIZE -> s.append("fd#").append(fd).append(" size=").append(offset);
            case FD_ALLOCATE -> s.append("fd#").append(fd).append(" offset=").append(offset).append(" len=").append(length);
            case FD_READDIR -> s.append("fd#").append(fd).append(" buf=").append(length);
            case PATH_CREATE_DIRECTORY, PATH_REMOVE_DIRECTORY, PATH_UNLINK_FILE -> s.append("fd#").append(fd).append(' ')
                    .append(show(path));
            case PATH_RENAME -> s.append("fd#").append(fd).append(' ').append(show(path)).append(" -> fd#").append(fd2)
                    .append(' ').append(show(path2));
            case PATH_LINK -> s.append("fd#").append(fd).append(follow ? " follow " : " ").append(show(path))
                    .append(" -> fd#").append(fd2).append(' ').append(show(path2));
            case PATH_SYMLINK -> s.append(show(path2)).append(" at fd#").append(fd).append(' ').append(show(path));
            case PATH_READLINK -> s.append("fd#").append(fd).append(' ').append(show(path)).append(" buf=").append(length);
            case PATH_FILESTAT_GET -> s.append("fd#").append(fd).append(follow ? " follow " : " ").append(show(path));
        }
        if (wild > 0) {
            s.append(" WILD#").append(wild);
        }
        return s.append(')').toString();
    }

    private static String show(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        if (text.length() > 40) {
            text = text.substring(0, 20) + "...(" + text.length() + " bytes)..." + text.substring(text.length() - 10);
        }
        return '"' + text + '"';
    }
}
