package org.wasipolyfill.core;

import org.wasipolyfill.core.abi.Errno;
import org.wasipolyfill.core.abi.EventType;
import org.wasipolyfill.core.abi.Layout;
import org.wasipolyfill.core.abi.UnstableLayout;
import org.wasipolyfill.core.abi.UnstableWhence;
import org.wasipolyfill.core.fd.Descriptor;
import org.wasipolyfill.core.fs.Inode;
import org.wasipolyfill.core.memory.GuestMemory;
import org.wasipolyfill.core.structs.Filestat;

/**
 * The {@code wasi_unstable} (snapshot 0) surface as a converter over {@link Preview1}, which holds
 * all the state: a module importing both namespaces sees one descriptor table. Only the calls whose
 * ABI differs are here (witx {@code legacy/preview0}); every other snapshot-0 import is the
 * preview1 method of the same name, and {@code sock_accept} does not exist in snapshot 0.
 *
 * <ul>
 *   <li>{@code fd_seek}: {@code whence} is numbered CUR, END, SET;</li>
 *   <li>{@code fd_filestat_get}, {@code path_filestat_get}: {@code filestat} has a u32
 *       {@code nlink} and is 56 bytes;</li>
 *   <li>{@code poll_oneoff}: a clock subscription carries an {@code identifier}, so a
 *       subscription is 56 bytes; events are laid out as in preview1.</li>
 * </ul>
 * The {@code rights} of snapshot 0 lack {@code sock_accept}, a right no descriptor here ever holds,
 * so rights pass through unchanged.
 */
public final class Unstable {
    public static final String MODULE = "wasi_unstable";

    private static final byte[] NO_BYTES = new byte[0];

    private final Preview1 preview1;
    private byte[] saved = NO_BYTES;
    private byte[] converted = NO_BYTES;

    public Unstable(Preview1 preview1) {
        this.preview1 = preview1;
    }

    public Preview1 preview1() {
        return preview1;
    }

    public int fdSeek(int fd, long offset, int whence, int newoffsetPtr) {
        return preview1.fdSeek(fd, offset, UnstableWhence.toPreview1(whence), newoffsetPtr);
    }

    public int fdFilestatGet(int fd, int buf) {
        Descriptor d = preview1.filestatDescriptor(fd);
        Inode node = d.inode();
        if (node == null) {
            Filestat.writeUnstableStream(preview1.memory(), buf, d.fileType());
        } else {
            Filestat.writeUnstable(preview1.memory(), buf, preview1.fs().device(), node);
        }
        return Errno.SUCCESS;
    }

    public int pathFilestatGet(int fd, int flags, int path, int pathLen, int buf) {
        Inode node = preview1.pathFilestatNode(fd, flags, path, pathLen);
        Filestat.writeUnstable(preview1.memory(), buf, preview1.fs().device(), node);
        return Errno.SUCCESS;
    }

    /**
     * As Wasmtime does: the subscriptions are rewritten in place as preview1 subscriptions (each 8
     * bytes shorter, so entry i never reaches entry i + 1 before that is read), preview1 polls, and
     * the guest's bytes are put back. A clock subscription loses only its {@code identifier}, which
     * no event reports; an event's {@code userdata} is the subscription's.
     */
    public int pollOneoff(int in, int out, int nsubscriptions, int neventsPtr) {
        if (nsubscriptions <= 0) {
            // None (EINVAL) or more than memory could hold: preview1 answers both.
            return preview1.pollOneoff(in, out, nsubscriptions, neventsPtr);
        }
        int convertedLength = convertSubscriptions(in, nsubscriptions);
        try {
            return preview1.pollOneoff(in, out, nsubscriptions, neventsPtr);
        } finally {
            preview1.memory().write(in, saved, 0, convertedLength);
        }
    }

    /** {@link Preview1#pollOneoffPlan} for snapshot-0 subscriptions, converted as {@link #pollOneoff} converts them. */
    public PollWait pollOneoffPlan(int in, int out, int nsubscriptions) {
        if (nsubscriptions <= 0) {
            return null;
        }
        int convertedLength;
        try {
            convertedLength = convertSubscriptions(in, nsubscriptions);
        } catch (WasiTrap e) {
            return null;
        }
        try {
            return preview1.pollOneoffPlan(in, out, nsubscriptions);
        } finally {
            preview1.memory().write(in, saved, 0, convertedLength);
        }
    }

    /**
     * Rewrites the subscriptions at {@code in} in place as preview1 ones, keeping the guest's bytes
     * in {@link #saved}; returns how many bytes to put back from there.
     */
    private int convertSubscriptions(int in, int nsubscriptions) {
        GuestMemory memory = preview1.memory();
        memory.checkRange(in, (long) nsubscriptions * UnstableLayout.SUBSCRIPTION_SIZE);
        int length = nsubscriptions * UnstableLayout.SUBSCRIPTION_SIZE;
        if (saved.length < length) {
            saved = new byte[length];
            converted = new byte[nsubscriptions * Layout.SUBSCRIPTION_SIZE];
        }
        memory.read(in, saved, 0, length);
        int convertedLength = toPreview1Subscriptions(saved, converted, nsubscriptions);
        memory.write(in, converted, 0, convertedLength);
        return convertedLength;
    }

    /**
     * Lays out {@code count} snapshot-0 subscriptions as preview1 ones; returns the bytes written.
     * A clock subscription is the snapshot-0 one without bytes 16..24 (the identifier); any other
     * keeps its first 48 bytes, which hold userdata, tag and file descriptor where preview1 has them.
     */
    static int toPreview1Subscriptions(byte[] unstable, byte[] preview1, int count) {
        int head = UnstableLayout.SUBSCRIPTION_CLOCK_IDENTIFIER;
        int clockRest = UnstableLayout.SUBSCRIPTION_SIZE - UnstableLayout.SUBSCRIPTION_CLOCK_ID;
        for (int i = 0; i < count; i++) {
            int from = i * UnstableLayout.SUBSCRIPTION_SIZE;
            int to = i * Layout.SUBSCRIPTION_SIZE;
            if (unstable[from + UnstableLayout.SUBSCRIPTION_TAG] == EventType.CLOCK) {
                System.arraycopy(unstable, from, preview1, to, head);
                System.arraycopy(unstable, from + UnstableLayout.SUBSCRIPTION_CLOCK_ID, preview1, to + head, clockRest);
            } else {
                System.arraycopy(unstable, from, preview1, to, Layout.SUBSCRIPTION_SIZE);
            }
        }
        return count * Layout.SUBSCRIPTION_SIZE;
    }
}
