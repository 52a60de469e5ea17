package org.wasipolyfill.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wasipolyfill.core.abi.Errno;
import org.wasipolyfill.core.fs.ChangeSet;
import org.wasipolyfill.core.fs.Inode;

/** A guest's writes, reads and renames reach the next save's change set as a host's do. */
class GuestChangeTrackingTest {
    private final GuestFixture g = new GuestFixture();
    private int baseline = -1;

    private List<Long> changedInos(ChangeSet changes) {
        return changes.changed().stream().map(Inode::ino).sorted().toList();
    }

    private ChangeSet save() {
        ChangeSet changes = g.fs.changesSince(baseline);
        baseline = changes.generation();
        return changes;
    }

    @Test
    void aGuestWriteChangesTheFileContent() {
        save();
        int fd = g.open("f", 0);
        g.put(GuestFixture.DATA, "HELLO");
        assertEquals(Errno.SUCCESS, g.wasi.fdWrite(fd, g.iovec(5), 1, GuestFixture.OUT));
        ChangeSet changes = save();
        assertEquals(List.of(g.fs.stat("/sandbox/f").ino()), changedInos(changes));
        assertTrue(changes.includesContent(changes.changed().get(0)));
    }

    @Test
    void aGuestReadChangesOnlyTheAccessTime() {
        save();
        int fd = g.open("f", 0);
        assertEquals(Errno.SUCCESS, g.wasi.fdRead(fd, g.iovec(5), 1, GuestFixture.OUT));
        ChangeSet changes = save();
        assertEquals(List.of(g.fs.stat("/sandbox/f").ino()), changedInos(changes));
        assertFalse(changes.includesContent(changes.changed().get(0)));
    }

    @Test
    void aGuestUnlinkIsADeletion() {
        save();
        long f = g.fs.stat("/sandbox/f").ino();
        assertEquals(Errno.SUCCESS, g.wasi.pathUnlinkFile(GuestFixture.PREOPEN, GuestFixture.PATH, g.path("f")));
        ChangeSet changes = save();
        assertEquals(List.of(g.fs.stat("/sandbox").ino()), changedInos(changes));
        assertFalse(Arrays.stream(changes.live()).anyMatch(ino -> ino == f));
    }
}
