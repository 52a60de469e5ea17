package org.wasipolyfill.core.fs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wasipolyfill.core.FakeClock;
import org.wasipolyfill.core.abi.Errno;
import org.wasipolyfill.core.abi.ErrnoException;

/** The host API's absolute paths: looked up from the root past their leading slashes. */
class MemFsHostPathTest {
    private final MemFs fs = new MemFs(new FakeClock());

    private static int errnoOf(Runnable call) {
        return assertThrows(ErrnoException.class, call::run).errno();
    }

    @Test
    void anyRunOfSlashesIsTheRoot() {
        assertSame(fs.root(), fs.directory("/"));
        assertSame(fs.root(), fs.directory("///"));
        assertTrue(fs.exists("//"));
    }

    @Test
    void leadingAndInnerSlashRunsAreSkippedAndATrailingSlashNamesADirectory() {
        fs.mkdir("//a//b/", true);
        fs.writeFile("///a/b//f", "x".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("f"), fs.readdir("/a/b"));
        assertSame(fs.directory("/a/b"), fs.directory("//a/b//"));
        assertEquals(Errno.NOTDIR, errnoOf(() -> fs.readFile("/a/b/f/")));
    }

    @Test
    void aPathThatIsNotAbsoluteIsInvalid() {
        assertEquals(Errno.INVAL, errnoOf(() -> fs.mkdir("a", false)));
        assertEquals(Errno.INVAL, errnoOf(() -> fs.stat("")));
        assertEquals(Errno.INVAL, errnoOf(() -> fs.readdir(null)));
        assertFalse(fs.exists(""));
        assertFalse(fs.exists("a"));
    }

    @Test
    void aNulInsideThePathIsInvalidAndNothingIsMade() {
        assertEquals(Errno.INVAL, errnoOf(() -> fs.mkdir("/a\0b", false)));
        assertEquals(List.of(), fs.readdir("/"));
    }

    @Test
    void namesAreTheirUtf8Bytes() {
        fs.mkdir("/\u00e9t\u00e9", false);
        fs.writeFile("/\u00e9t\u00e9/\ud83d\ude00", new byte[] { 1, 2 });
        assertArrayEquals(new byte[] { 1, 2 }, fs.readFile("//\u00e9t\u00e9//\ud83d\ude00"));
        assertEquals(List.of("\ud83d\ude00"), fs.readdir("/\u00e9t\u00e9"));
    }

    @Test
    void recursiveMkdirMakesEveryMissingAncestorOnce() {
        fs.mkdir("/p/q/r", true);
        fs.mkdir("/p/q/r", true);
        assertEquals(List.of("q"), fs.readdir("/p"));
        assertEquals(List.of("r"), fs.readdir("/p/q"));
        assertEquals(Errno.EXIST, errnoOf(() -> fs.mkdir("/p/q", false)));
    }

    @Test
    void mkdirOfEncodedPathsReturnsTheDirectoryMadeOrFound() {
        byte[] path = "//a/ünï/b/".getBytes(StandardCharsets.UTF_8);
        DirectoryNode made = fs.mkdir(path, true);
        assertSame(made, fs.directory("/a/ünï/b"));
        assertSame(made, fs.mkdir(path, true));
        assertSame(made, fs.directory("/a/ünï/b".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Errno.EXIST, errnoOf(() -> fs.mkdir("/a".getBytes(StandardCharsets.UTF_8), false)));
        assertEquals(Errno.INVAL, errnoOf(() -> fs.mkdir("a/c".getBytes(StandardCharsets.UTF_8), true)));
        assertEquals(Errno.INVAL, errnoOf(() -> fs.directory(new byte[0])));
        assertFalse(fs.exists("/a/c"));
    }

    @Test
    void inodeNumbersAreDistinctAndUnsigned() {
        fs.mkdir("/d", false);
        fs.writeFile("/d/f", new byte[0]);
        long root = fs.stat("/").ino();
        long directory = fs.stat("/d").ino();
        long file = fs.stat("/d/f").ino();
        assertTrue(root > 0 && directory > root && file > directory, root + " " + directory + " " + file);
    }
}
