package org.wasipolyfill.core.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.wasipolyfill.core.FakeClock;

/**
 * What a save to a store is handed: everything the first time, then only what changed since that
 * store's last successful save.
 *
 * <pre>
 * /
 * ├── a        "one"
 * ├── d/
 * │   └── b    "two"
 * └── s -> a
 * </pre>
 */
class ChangeTrackingTest {
    private final MemFs fs = new MemFs(new FakeClock());

    ChangeTrackingTest() {
        fs.writeFile("/a", bytes("one"));
        fs.mkdir("/d", false);
        fs.writeFile("/d/b", bytes("two"));
        fs.symlink("a", "/s");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private long ino(String path) {
        return fs.lstat(path).ino();
    }

    private static List<Long> live(ChangeSet changes) {
        return Arrays.stream(changes.live()).mapToLong(Integer::toUnsignedLong).sorted().boxed().collect(Collectors.toList());
    }

    private static List<Long> inos(ChangeSet changes) {
        return changes.changed().stream().map(Inode::ino).sorted().collect(Collectors.toList());
    }

    private final Map<String, Integer> baselines = new HashMap<>();

    /** What a save to {@code store} is handed; the store's baseline moves on, as after a successful write. */
    private ChangeSet savedTo(String store) {
        ChangeSet changes = changesFor(store);
        baselines.put(store, changes.generation());
        return changes;
    }

    /** What a save to {@code store} is handed when the write then fails: the baseline stays. */
    private ChangeSet changesFor(String store) {
        return fs.changesSince(baselines.getOrDefault(store, -1));
    }

    @Test
    void aFirstSaveIsFullAndHoldsEveryInodeOnce() {
        fs.operations().link(resolvedFile("/a"), hostResolved("/d/hard"));
        ChangeSet changes = changesFor("idb:x");
        assertTrue(changes.full());
        assertEquals(List.of(ino("/"), ino("/a"), ino("/d"), ino("/d/b"), ino("/s")), inos(changes));
        assertEquals(List.of(ino("/"), ino("/a"), ino("/d"), ino("/d/b"), ino("/s")), live(changes));
    }

    @Test
    void aSaveAfterASavedOneHoldsOnlyWhatChanged() {
        savedTo("idb:x");
        fs.appendFile("/d/b", bytes("!"));
        ChangeSet changes = savedTo("idb:x");
        assertFalse(changes.full());
        assertEquals(List.of(ino("/d/b")), inos(changes));
        assertTrue(changes.includesContent(changes.changed().get(0)));
        assertEquals(0, savedTo("idb:x").changed().size());
    }

    @Test
    void aTimeChangeIsMetadataOnly() {
        savedTo("idb:x");
        FileNode file = (FileNode) resolvedFile("/a");
        file.setMtim(5);
        ChangeSet changes = savedTo("idb:x");
        assertEquals(List.of(ino("/a")), inos(changes));
        assertFalse(changes.includesContent(file));
    }

    @Test
    void aSaveThatWasNeverConfirmedIsRepeated() {
        savedTo("idb:x");
        fs.writeFile("/a", bytes("uno"));
        changesFor("idb:x");
        assertEquals(List.of(ino("/a")), inos(savedTo("idb:x")));
    }

    @Test
    void eachStoreHasItsOwnBaseline() {
        savedTo("idb:x");
        fs.writeFile("/a", bytes("uno"));
        assertEquals(List.of(ino("/a")), inos(savedTo("idb:x")));
        assertTrue(changesFor("opfs:y").full());
    }

    @Test
    void aDeletedInodeIsNoLongerLiveAndARenameChangesTheDirectoriesAndTheMovedNode() {
        savedTo("idb:x");
        long a = ino("/a");
        long b = ino("/d/b");
        long s = ino("/s");
        fs.unlink("/d/b");
        fs.rename("/s", "/a");
        ChangeSet changes = savedTo("idb:x");
        assertEquals(List.of(ino("/"), ino("/d"), s), inos(changes));
        assertFalse(live(changes).contains(a));
        assertFalse(live(changes).contains(b));
        assertEquals(List.of(ino("/"), ino("/d"), s), live(changes));
    }

    @Test
    void aFileLosingOneOfTwoNamesIsChangedNotDeleted() {
        fs.operations().link(resolvedFile("/a"), hostResolved("/d/hard"));
        savedTo("idb:x");
        fs.unlink("/a");
        ChangeSet changes = savedTo("idb:x");
        assertTrue(live(changes).contains(ino("/d/hard")));
        assertEquals(List.of(ino("/"), ino("/d/hard")), inos(changes));
    }

    @Test
    void aBaselineThisMemFsNeverReachedMeansAFullSave() {
        assertTrue(fs.changesSince(1_000).full());
    }

    private Inode resolvedFile(String path) {
        return hostResolved(path).node();
    }

    private Resolved hostResolved(String path) {
        int slash = path.lastIndexOf('/');
        DirectoryNode parent = fs.directory(slash == 0 ? "/" : path.substring(0, slash));
        FileName name = FileName.of(path.substring(slash + 1));
        return new Resolved(parent, name, parent.get(name), false);
    }
}
