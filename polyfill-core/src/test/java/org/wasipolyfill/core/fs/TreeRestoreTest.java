package org.wasipolyfill.core.fs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wasipolyfill.core.FakeClock;
import org.wasipolyfill.core.abi.Errno;
import org.wasipolyfill.core.abi.ErrnoException;
import org.wasipolyfill.core.abi.FileType;

/**
 * A snapshot made from one MemFS's full change set restores into another as the same tree: kinds,
 * bytes, hard links, readdir order, times and inode numbers; one past the limits changes nothing.
 *
 * <pre>
 * /
 * ├── big      200 000 bytes, in chunks
 * ├── empty    ""
 * ├── d/
 * │   ├── hard  (the same inode as /big)
 * │   └── e/
 * └── s -> d/e
 * </pre>
 */
class TreeRestoreTest {
    private final MemFs source = new MemFs(new FakeClock());
    private final MemFs target = new MemFs(new FakeClock());

    TreeRestoreTest() {
        byte[] big = new byte[200_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 7);
        }
        source.writeFile("/big", big);
        source.writeFile("/empty", new byte[0]);
        source.mkdir("/d/e", true);
        source.operations().link(node(source, "/big"), resolved(source, "/d/hard"));
        source.symlink("d/e", "/s");
        ((Inode) node(source, "/empty")).setAtim(-5);
        ((Inode) node(source, "/d")).setMtim(Long.MAX_VALUE);
        source.chmod("/big", 0640);
    }

    /** What MemFS.load hands the core for a store's copy of {@code changes}: file bytes in 64 KiB chunks. */
    static InodeImage[] imagesOf(ChangeSet changes) {
        List<Inode> nodes = changes.changed();
        InodeImage[] images = new InodeImage[nodes.size()];
        for (int n = 0; n < images.length; n++) {
            Inode node = nodes.get(n);
            byte[][] chunks = null;
            byte[] target = null;
            byte[][] names = null;
            int[] children = null;
            if (node instanceof FileNode file) {
                byte[] all = file.data().toByteArray();
                int count = (all.length + 65535) / 65536;
                chunks = new byte[count][];
                for (int i = 0; i < count; i++) {
                    chunks[i] = Arrays.copyOfRange(all, i * 65536, Math.min(all.length, (i + 1) * 65536));
                }
            } else if (node instanceof SymlinkNode link) {
                target = link.target();
            } else {
                DirectoryNode directory = (DirectoryNode) node;
                names = new byte[directory.entryCount()][];
                children = new int[directory.entryCount()];
                int i = 0;
                for (int slot = 0; slot < directory.slotCount(); slot++) {
                    if (directory.entryAt(slot) != null) {
                        names[i] = directory.entryAt(slot).name().bytes();
                        children[i++] = nodes.indexOf(directory.entryAt(slot).node());
                    }
                }
            }
            images[n] = new InodeImage(node.inoU32(), node.fileType(), node.atim(), node.mtim(), node.ctim(), node.mode(), chunks,
                    target, names, children);
        }
        return images;
    }

    private static int rootIndex(ChangeSet changes) {
        return changes.changed().indexOf(changes.changed().stream().filter(n -> n.inoU32() == changes.rootIno())
                .findFirst().orElseThrow());
    }

    private static int restore(MemFs fs, ChangeSet changes) {
        return fs.restore(imagesOf(changes), rootIndex(changes));
    }

    private static Inode node(MemFs fs, String path) {
        return resolved(fs, path).node();
    }

    private static Resolved resolved(MemFs fs, String path) {
        int slash = path.lastIndexOf('/');
        DirectoryNode parent = fs.directory(slash == 0 ? "/" : path.substring(0, slash));
        FileName name = FileName.of(path.substring(slash + 1));
        return new Resolved(parent, name, parent.get(name), false);
    }

    private static void assertSameTree(MemFs expected, MemFs actual, String path) {
        Stat e = expected.lstat(path);
        Stat a = actual.lstat(path);
        assertEquals(e, a, path);
        if (e.fileType() == FileType.DIRECTORY) {
            assertEquals(expected.readdir(path), actual.readdir(path), path);
            for (String name : expected.readdir(path)) {
                assertSameTree(expected, actual, (path.equals("/") ? "/" : path + "/") + name);
            }
        } else if (e.fileType() == FileType.REGULAR_FILE) {
            assertArrayEquals(expected.readFile(path), actual.readFile(path), path);
        } else {
            assertEquals(expected.readlink(path), actual.readlink(path), path);
        }
    }

    @Test
    void aFullChangeSetRestoresTheSameTree() {
        target.writeFile("/old", "gone".getBytes(StandardCharsets.UTF_8));
        restore(target, source.changesSince(-1));
        assertSameTree(source, target, "/");
        assertFalse(target.exists("/old"));
        assertEquals(200_000, target.usedBytes());
        assertEquals(2, target.lstat("/d/hard").nlink());
    }

    @Test
    void theRestoredGenerationIsTheBaselineAndNewInodesGetNewNumbers() {
        int baseline = restore(target, source.changesSince(-1));
        assertEquals(0, target.changesSince(baseline).changed().size());
        target.writeFile("/new", new byte[1]);
        ChangeSet changes = target.changesSince(baseline);
        assertFalse(changes.full());
        assertEquals(2, changes.changed().size());
        assertTrue(target.lstat("/new").ino() > source.lstat("/s").ino());
    }

    @Test
    void aRestoreGivesBackTheBytesOfTheTreeItReplaces() {
        target.mkdir("/deep/er", true);
        target.writeFile("/deep/er/f", new byte[5000]);
        restore(target, source.changesSince(-1));
        assertEquals(200_000, target.usedBytes());
    }

    @Test
    void aSnapshotLargerThanTheLimitsIsRefusedWhole() {
        MemFs small = new MemFs(new FakeClock(), 300_000, 100_000);
        small.writeFile("/keep", new byte[10]);
        assertEquals(Errno.FBIG, assertThrows(ErrnoException.class, () -> restore(small, source.changesSince(-1))).errno());
        MemFs tiny = new MemFs(new FakeClock(), 100_000, 1 << 20);
        tiny.writeFile("/keep", new byte[10]);
        assertEquals(Errno.NOSPC, assertThrows(ErrnoException.class, () -> restore(tiny, source.changesSince(-1))).errno());
        for (MemFs fs : List.of(small, tiny)) {
            assertEquals(List.of("keep"), fs.readdir("/"));
            assertEquals(10, fs.usedBytes());
        }
    }
}
