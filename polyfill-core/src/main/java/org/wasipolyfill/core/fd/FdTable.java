package org.wasipolyfill.core.fd;

import org.wasipolyfill.core.abi.Errno;
import org.wasipolyfill.core.fs.FsException;

/** The guest's file descriptors: small integers indexing descriptors; the lowest free one is reused. */
public final class FdTable {
    private Descriptor[] slots = new Descriptor[8];

    /** The descriptor at {@code fd}, or EBADF. */
    public Descriptor get(int fd) {
        if (fd < 0 || fd >= slots.length || slots[fd] == null) {
            throw FsException.of(Errno.BADF);
        }
        return slots[fd];
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
}
