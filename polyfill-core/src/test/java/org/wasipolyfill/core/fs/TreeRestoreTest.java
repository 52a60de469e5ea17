package org.wasipolyfill.core.fs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wasipolyfill.core.FakeClock;
import org.wasipolyfill.core.abi.FileType;

/**
 * A snapshot made from one MemFS's full change set restores into another as the same tree: kinds,
 * bytes, hard links, readdir order, times and inode numbers; a snapshot that is not a tree changes
 * nothing.
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
        source.link(node(source, "/big"), resolved(source, "/d/hard"));
        source.symlink("d/e", "/s");
        ((Inode) node(source, "/empty")).setAtim(-5);
        ((Inode) node(source, "/d")).setMtim(Long.MAX_VALUE);
    }

    /** What a store would hand back for {@code changes}: file bytes cut into 64 KiB chunks. */
    static List<InodeImage> imagesOf(ChangeSet changes) {
        List<InodeImage> images = new ArrayList<>();
        for (Inode node : changes.changed()) {
            byte[][] chunks = null;
            byte[] target = null;
            byte[][] names = null;
            int[] inos = null;
            if (node instanceof FileNode file) {
                byte[] all = file.data().toByteArray();
                int count = (all.length + 65535) / 65536;
                chunks = new byte[count][];
                for (int i = 0; i < count; i++) {
                    chunks[i] = java.util.Arrays.copyOfRange(all, i * 65536, Math.min(all.length, (i + 1) * 65536));
                }
            } else if (node instanceof SymlinkNode link) {
                target = link.target();
            } else {
                DirectoryNode directory = (DirectoryNode) node;
                names = new byte[directory.entryCount()][];
                inos = new int[directory.entryCount()];
                int i = 0;
                for (int slot = 0; slot < directory.slotCount(); slot++) {
                    if (directory.entryAt(slot) != null) {
                        names[i] = directory.entryAt(slot).name().bytes();
                        inos[i++] = directory.entryAt(slot).node().inoU32();
                    }
                }
            }
            images.add(new InodeImage(node.inoU32(), node.fileType(), node.atim(), node.mtim(), node.ctim(), chunks,
                    target, names, inos));
        }
        return images;
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
        target.restore("idb:x", imagesOf(source.changesFor("idb:x")));
        assertSameTree(source, target, "/");
        assertFalse(target.exists("/old"));
        assertEquals(200_000, target.usedBytes());
        assertEquals(2, target.lstat("/d/hard").nlink());
    }

    @Test
    void theRestoringStoreIsTheBaselineAndNewInodesGetNewNumbers() {
        target.restore("idb:x", imagesOf(source.changesFor("idb:x")));
        assertEquals(0, target.changesFor("idb:x").changed().size());
        target.writeFile("/new", new byte[1]);
        ChangeSet changes = target.changesFor("idb:x");
        assertEquals(2, changes.changed().size());
        assertTrue(target.lstat("/new").ino() > source.lstat("/s").ino());
        assertTrue(target.changesFor("opfs:y").full());
    }

    @Test
    void aSnapshotThatIsNotATreeChangesNothing() {
        target.writeFile("/keep", "kept".getBytes(StandardCharsets.UTF_8));
        List<InodeImage> images = imagesOf(source.changesFor("idb:x"));
        InodeImage d = images.stream().filter(i -> i.ino() == source.lstat("/d").ino()).findFirst().orElseThrow();
        List<InodeImage> cyclic = new ArrayList<>(images);
        cyclic.set(cyclic.indexOf(d), new InodeImage(d.ino(), d.fileType(), 0, 0, 0, null, null,
                new byte[][] { "loop".getBytes(StandardCharsets.UTF_8) }, new int[] { d.ino() }));
        List<InodeImage> dangling = new ArrayList<>(images);
        dangling.set(dangling.indexOf(d), new InodeImage(d.ino(), d.fileType(), 0, 0, 0, null, null,
                new byte[][] { "x".getBytes(StandardCharsets.UTF_8) }, new int[] { 999 }));
        List<InodeImage> withoutRoot = new ArrayList<>(images);
        withoutRoot.removeIf(i -> i.ino() == 1);
        for (List<InodeImage> bad : List.of(cyclic, dangling, withoutRoot)) {
            RestoreException e = assertThrows(RestoreException.class, () -> target.restore("idb:x", bad));
            assertTrue(e.getMessage().startsWith("the snapshot is corrupt: "), e.getMessage());
            assertEquals(List.of("keep"), target.readdir("/"));
            assertArrayEquals("kept".getBytes(StandardCharsets.UTF_8), target.readFile("/keep"));
        }
    }

    @Test
    void aSnapshotLargerThanTheBudgetIsRefusedWhole() {
        MemFs small = new MemFs(new FakeClock(), 100_000, 1 << 20);
        small.writeFile("/keep", new byte[10]);
        RestoreException e = assertThrows(RestoreException.class,
                () -> small.restore("idb:x", imagesOf(source.changesFor("idb:x"))));
        assertTrue(e.getMessage().contains("maxBytes"), e.getMessage());
        assertEquals(List.of("keep"), small.readdir("/"));
        assertEquals(10, small.usedBytes());
    }
}
