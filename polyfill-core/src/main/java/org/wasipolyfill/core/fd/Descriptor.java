package org.wasipolyfill.core.fd;

import org.wasipolyfill.core.IoVecs;
import org.wasipolyfill.core.Pending;
import org.wasipolyfill.core.abi.Errno;
import org.wasipolyfill.core.abi.Rights;
import org.wasipolyfill.core.abi.ErrnoException;
import org.wasipolyfill.core.fs.Inode;

/**
 * An open file description as a guest fd sees it: its rights and flags, and the operations it
 * supports. Every operation defaults to the errno a descriptor of the wrong kind gets, so each
 * kind overrides only what it really supports. Operations take and return decoded values.
 */
public abstract class Descriptor {
    private int rightsBase;
    private int rightsInheriting;
    private int fdFlags;
    private boolean readOnly;

    protected Descriptor(int rightsBase, int rightsInheriting, int fdFlags) {
        this.rightsBase = rightsBase;
        this.rightsInheriting = rightsInheriting;
        this.fdFlags = fdFlags;
    }

    /** An {@code abi.FileType} value. */
    public abstract int fileType();

    /** A set of {@link Rights}; the u64's high half is always zero. */
    public final int rightsBase() {
        return rightsBase;
    }

    public final int rightsInheriting() {
        return rightsInheriting;
    }

    public final int fdFlags() {
        return fdFlags;
    }

    public void setFdFlags(int flags) {
        this.fdFlags = flags;
    }

    /** Whether this descriptor is, or was opened through, a read-only preopen. */
    public final boolean readOnly() {
        return readOnly;
    }

    /** Marks this new descriptor as belonging to a read-only preopen when {@code readOnly}; returns it. */
    public final Descriptor mountedReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
        return this;
    }

    /** Every right a descriptor of this kind could ever hold. */
    protected abstract int kindRights();

    /**
     * Fails unless this descriptor holds {@code rights}. An operation this kind of descriptor can
     * never do is EBADF (a read of a directory, a seek of a directory), as in Wasmtime; so is a
     * missing access-mode right (see {@link Rights#ACCESS_MODE}); any other missing right is
     * ENOTCAPABLE, except that a read-only preopen and what was opened through it refuse a change
     * ({@link Rights#MOUNT_CHANGES}) with EPERM, as Wasmtime does.
     */
    public final void require(int rights) {
        int missing = rights & ~rightsBase;
        if (missing != 0) {
            if ((missing & ~kindRights()) != 0) {
                throw ErrnoException.of(Errno.BADF);
            }
            if (readOnly && (missing & Rights.MOUNT_CHANGES) != 0) {
                throw ErrnoException.of(Errno.PERM);
            }
            throw ErrnoException.of((missing & Rights.ACCESS_MODE) != 0 ? Errno.BADF : Errno.NOTCAPABLE);
        }
    }

    public final boolean holds(int rights) {
        return (rights & ~rightsBase) == 0;
    }

    /** Whether a descriptor of this kind could ever hold {@code rights}. */
    public final boolean kindSupports(int rights) {
        return (rights & ~kindRights()) == 0;
    }

    /**
     * Rights may only ever shrink. The guest's u64 sets are checked whole: a bit above the defined
     * rights is one this descriptor does not hold.
     */
    public final void setRights(long base, long inheriting) {
        if ((base & ~(long) rightsBase) != 0 || (inheriting & ~(long) rightsInheriting) != 0) {
            throw ErrnoException.of(Errno.NOTCAPABLE);
        }
        rightsBase = (int) base;
        rightsInheriting = (int) inheriting;
    }

    /** The fd that held this descriptor is closed or renumbered over. */
    public void close() {
    }

    /** A stream (stdio) cannot seek: positional calls answer ESPIPE. */
    public boolean isStream() {
        return false;
    }

    /** The inode behind a file or directory; streams have none. */
    public Inode inode() {
        return null;
    }

    public int read(IoVecs iovs) {
        throw ErrnoException.of(Errno.BADF);
    }

    public int write(IoVecs iovs) {
        throw ErrnoException.of(Errno.BADF);
    }

    public int pread(IoVecs iovs, long offset) {
        throw ErrnoException.of(Errno.BADF);
    }

    public int pwrite(IoVecs iovs, long offset) {
        throw ErrnoException.of(Errno.BADF);
    }

    public long seek(long offset, int whence) {
        throw ErrnoException.of(Errno.BADF);
    }

    public long tell() {
        throw ErrnoException.of(Errno.BADF);
    }

    /** Bytes a read would return now, for poll_oneoff; streams that cannot tell answer 0. */
    public long readableBytes() {
        return 0;
    }

    /** Null when a read would complete now; else what it waits for (see {@link Pending}). */
    public Pending readPending() {
        return null;
    }
}
