package org.wasipolyfill.core.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wasipolyfill.core.FakeClock;
import org.wasipolyfill.core.abi.Errno;
import org.wasipolyfill.core.abi.ErrnoException;

/**
 * Lookups inside a capability rooted at /sandbox:
 * <pre>
 * /
 * ├── secret
 * └── sandbox/            (the capability)
 *     ├── file
 *     ├── dir/
 *     │   └── inner
 *     ├── link-file  -> file
 *     ├── link-dir   -> dir
 *     ├── link-dir-slash -> dir/
 *     ├── link-up    -> ../secret
 *     ├── link-abs   -> /secret
 *     ├── link-chain -> link-dir/../file
 *     ├── loop-a -> loop-b,  loop-b -> loop-a
 *     └── dangling   -> missing
 * </pre>
 */
class PathResolverTest {
    private MemFs fs;
    private DirectoryNode sandbox;

    @BeforeEach
    void buildTree() {
        fs = new MemFs(new FakeClock());
        fs.writeFile("/secret", bytes("s"));
        fs.mkdir("/sandbox/dir", true);
        fs.writeFile("/sandbox/file", bytes("f"));
        fs.writeFile("/sandbox/dir/inner", bytes("i"));
        fs.symlink("file", "/sandbox/link-file");
        fs.symlink("dir", "/sandbox/link-dir");
        fs.symlink("dir/", "/sandbox/link-dir-slash");
        fs.symlink("../secret", "/sandbox/link-up");
        fs.symlink("/secret", "/sandbox/link-abs");
        fs.symlink("link-dir/../file", "/sandbox/link-chain");
        fs.symlink("loop-b", "/sandbox/loop-a");
        fs.symlink("loop-a", "/sandbox/loop-b");
        fs.symlink("missing", "/sandbox/dangling");
        sandbox = fs.directory("/sandbox");
    }

    /** Each row: path, follow the last symlink, what it resolves to (a type) or the errno name. */
    @ParameterizedTest(name = "{0} (follow={1}) -> {2}")
    @CsvSource({
        "file, false, file",
        "dir, false, dir",
        "dir/, false, dir",
        "dir/inner, false, file",
        "dir//inner, false, file",
        "./dir/./inner, false, file",
        "dir/../file, false, file",
        "., false, dir",
        "dir/.., false, dir",
        "link-file, false, symlink",
        "link-file, true, file",
        "link-dir/inner, false, file",
        "link-dir/, false, dir",
        "link-dir-slash, true, dir",
        "link-chain, true, file",
        "missing, false, absent",
        "dangling, true, absent",
        "dangling, false, symlink",
        "..,  false, ENOTCAPABLE",
        "../secret, false, ENOTCAPABLE",
        "dir/../../secret, false, ENOTCAPABLE",
        "/secret, false, ENOTCAPABLE",
        "link-up, true, ENOTCAPABLE",
        "link-up, false, symlink",
        "link-abs, true, ENOTCAPABLE",
        "link-abs/x, false, ENOTCAPABLE",
        "loop-a, true, ELOOP",
        "loop-a/x, false, ELOOP",
        "file/, false, ENOTDIR",
        "file/x, false, ENOTDIR",
        "link-file/, false, ENOTDIR",
        "missing/x, false, ENOENT",
        "dangling/x, false, ENOENT",
    })
    void resolvesInsideTheCapability(String path, boolean follow, String expected) {
        String actual;
        try {
            Resolved at = PathResolver.resolve(sandbox, bytes(path.trim()), follow);
            Inode node = at.node();
            actual = node == null ? "absent" : node instanceof FileNode ? "file"
                    : node instanceof DirectoryNode ? "dir" : "symlink";
        } catch (ErrnoException e) {
            actual = Errno.name(e.errno());
        }
        assertEquals(expected, actual);
    }

    /** Each row: path, what the entry a call on the name itself acts on is, and whether a trailing slash was seen. */
    @ParameterizedTest(name = "entry {0} -> {1}")
    @CsvSource({
        "link-dir/, symlink, true",
        "link-file/, symlink, true",
        "dangling/, symlink, true",
        "file/, file, true",
        "missing/, absent, true",
        "link-dir, symlink, false",
        "link-dir/inner, file, false",
        "link-up/, symlink, true",
    })
    void anEntryLookupNeverFollowsTheLastComponentAndLeavesTheSlashToTheCall(String path, String expected,
            boolean trailingSlash) {
        Resolved at = PathResolver.resolveEntry(sandbox, bytes(path), path.length());
        Inode node = at.node();
        assertEquals(expected, node == null ? "absent" : node instanceof FileNode ? "file"
                : node instanceof DirectoryNode ? "dir" : "symlink");
        assertEquals(trailingSlash, at.trailingSlash());
    }

    @Test
    void emptyPathIsENOENTAndNulIsEINVALAndBadUtf8IsEILSEQ() {
        assertEquals(Errno.NOENT, errnoOf(new byte[0]));
        assertEquals(Errno.INVAL, errnoOf(new byte[] {'a', 0, 'b'}));
        assertEquals(Errno.ILSEQ, errnoOf(new byte[] {'a', (byte) 0xFF}));
        assertEquals(Errno.ILSEQ, errnoOf(new byte[] {(byte) 0xC3}));
    }

    @Test
    void fortySymlinkExpansionsAreAllowedButFortyOneAreELOOP() {
        fs.symlink("file", "/sandbox/c0");
        for (int i = 1; i <= 40; i++) {
            fs.symlink("c" + (i - 1), "/sandbox/c" + i);
        }
        // c39 needs 40 expansions (c39 .. c0), c40 needs 41.
        assertEquals(FileNode.class, PathResolver.resolve(sandbox, bytes("c39"), true).node().getClass());
        assertEquals(Errno.LOOP, errnoOf(bytes("c40")));
    }

    @Test
    void aMissingLastComponentReportsItsParentAndName() {
        Resolved at = PathResolver.resolve(sandbox, bytes("dir/new"), false);
        assertSame(fs.directory("/sandbox/dir"), at.parent());
        assertEquals("new", at.name().toString());
        assertNull(at.node());
    }

    private int errnoOf(byte[] path) {
        try {
            PathResolver.resolve(sandbox, path, true);
            return Errno.SUCCESS;
        } catch (ErrnoException e) {
            return e.errno();
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void resolvesAPrefixOfAReusedArrayWithoutKeepingIt() {
        byte[] scratch = bytes("link-dir/inner/trailing-garbage");
        Resolved at = PathResolver.resolve(sandbox, scratch, "link-dir/inner".length(), false);
        assertEquals(FileNode.class, at.node().getClass());
        Arrays.fill(scratch, (byte) 'x');
        assertEquals("inner", at.name().toString());
        assertEquals(at.node(), PathResolver.resolve(sandbox, bytes("dir/inner"), false).node());
    }
}
