package org.wasipolyfill.core.fs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.wasipolyfill.core.FakeClock;
import org.wasipolyfill.core.abi.Errno;
import org.wasipolyfill.core.abi.ErrnoException;

/**
 * The metadata an exporter or a store needs to rebuild a tree exactly: times, permission bits,
 * hard links and inode identity.
 * <pre>
 * /
 * ├── d/
 * │   └── f        "abc"
 * └── l -> d/f
 * </pre>
 */
class MemFsMetadataTest {
    private final MemFs fs = new MemFs(new FakeClock());

    MemFsMetadataTest() {
        fs.mkdir("/d", false);
        fs.writeFile("/d/f", new byte[] { 'a', 'b', 'c' });
        fs.symlink("d/f", "/l");
    }

    private static int errnoOf(Runnable call) {
        return assertThrows(ErrnoException.class, call::run).errno();
    }

    @Test
    void newNodesGetTheUsualPermissionBitsPerKind() {
        assertEquals(0644, fs.stat("/d/f").mode());
        assertEquals(0755, fs.stat("/d").mode());
        assertEquals(0755, fs.stat("/").mode());
        assertEquals(0777, fs.lstat("/l").mode());
    }

    @Test
    void chmodKeepsOnlyThePermissionBitsAndFollowsASymlink() {
        fs.chmod("/l", 0104755);
        assertEquals(04755, fs.stat("/d/f").mode());
        assertEquals(0777, fs.lstat("/l").mode());
    }

    @Test
    void chmodStampsCtimeButNotMtime() {
        Stat before = fs.stat("/d/f");
        fs.chmod("/d/f", 0600);
        Stat after = fs.stat("/d/f");
        assertEquals(before.mtimNanos(), after.mtimNanos());
        assertTrue(after.ctimNanos() > before.ctimNanos());
    }

    @Test
    void setTimesKeepsEveryNanosecondIncludingTimesBeforeTheEpoch() {
        fs.setTimes("/d/f", true, -1_234_567_891L, 1_700_000_000_123_456_789L);
        Stat stat = fs.stat("/d/f");
        assertEquals(-1_234_567_891L, stat.atimNanos());
        assertEquals(1_700_000_000_123_456_789L, stat.mtimNanos());
    }

    @Test
    void setTimesFollowsASymlinkUnlessToldNotTo() {
        fs.setTimes("/l", true, 5, 6);
        assertEquals(6, fs.stat("/d/f").mtimNanos());
        fs.setTimes("/l", false, 7, 8);
        assertEquals(8, fs.lstat("/l").mtimNanos());
        assertEquals(6, fs.stat("/d/f").mtimNanos());
    }

    @Test
    void setTimesOfAMissingPathIsENOENT() {
        assertEquals(Errno.NOENT, errnoOf(() -> fs.setTimes("/nope", true, 1, 1)));
        assertEquals(Errno.NOENT, errnoOf(() -> fs.chmod("/nope", 0600)));
    }

    @Test
    void aHardLinkSharesTheInodeItsBytesAndItsLinkCount() {
        fs.link("/d/f", "/g");
        Stat f = fs.stat("/d/f");
        Stat g = fs.stat("/g");
        assertEquals(f.ino(), g.ino());
        assertEquals(2, g.nlink());
        fs.writeFile("/g", new byte[] { 'z' });
        assertArrayEquals(new byte[] { 'z' }, fs.readFile("/d/f"));
        fs.unlink("/d/f");
        assertEquals(1, fs.stat("/g").nlink());
    }

    @Test
    void linkOfASymlinkLinksTheSymlinkItself() {
        fs.link("/l", "/l2");
        assertEquals(fs.lstat("/l").ino(), fs.lstat("/l2").ino());
        assertEquals("d/f", fs.readlink("/l2"));
        assertEquals(2, fs.lstat("/l").nlink());
    }

    @Test
    void linkAnswersAsLinkDoes() {
        assertEquals(Errno.PERM, errnoOf(() -> fs.link("/d", "/d2")));
        assertEquals(Errno.EXIST, errnoOf(() -> fs.link("/d/f", "/l")));
        assertEquals(Errno.NOENT, errnoOf(() -> fs.link("/nope", "/x")));
        assertEquals(Errno.NOENT, errnoOf(() -> fs.link("/d/f", "/nope/x")));
    }

    @Test
    void distinctNodesHaveDistinctInodeNumbers() {
        assertTrue(fs.stat("/d").ino() != fs.stat("/d/f").ino());
        assertTrue(fs.lstat("/l").ino() != fs.stat("/d/f").ino());
    }
}
