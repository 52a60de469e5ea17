package org.wasipolyfill.core.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wasipolyfill.core.FakeClock;

class DirectoryNodeTest {
    private final MemFs fs = new MemFs(new FakeClock());

    private static List<String> namesFrom(DirectoryNode dir, long cookie) {
        List<String> names = new ArrayList<>();
        for (int slot = dir.firstSlotFrom(cookie); slot < dir.slotCount(); slot++) {
            DirectoryNode.Entry entry = dir.entryAt(slot);
            if (entry != null) {
                names.add(entry.name().toString());
            }
        }
        return names;
    }

    @Test
    void fileNameHashIsArraysHashCodeOfTheRange() {
        byte[] path = "ab/c\u00e9d/xyz".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(Arrays.hashCode(Arrays.copyOfRange(path, 3, 7)), FileName.hash(path, 3, 4));
        assertEquals(new FileName(Arrays.copyOfRange(path, 3, 7)).hashCode(), FileName.hash(path, 3, 4));
    }

    @Test
    void cookiesStayStableWhileEntriesAreRemovedAndTheOrderIsCompacted() {
        fs.mkdir("/d", false);
        DirectoryNode dir = fs.directory("/d");
        for (int i = 0; i < 200; i++) {
            fs.writeFile("/d/f" + i, new byte[0]);
        }
        // The entry f150 resumes at cookie 150 + 3 (cookies 0 and 1 are "." and "..").
        DirectoryNode.Entry f150 = dir.entryAt(dir.firstSlotFrom(152));
        assertEquals("f150", f150.name().toString());
        assertEquals(153, f150.nextCookie());
        for (int i = 0; i < 190; i++) {
            if (i != 150) {
                fs.unlink("/d/f" + i);
            }
        }
        assertEquals(List.of("f150", "f190", "f191", "f192", "f193", "f194", "f195", "f196", "f197", "f198", "f199"),
                namesFrom(dir, 2));
        assertEquals(List.of("f191", "f192", "f193", "f194", "f195", "f196", "f197", "f198", "f199"),
                namesFrom(dir, 193));
        assertEquals(List.of("f190", "f191", "f192", "f193", "f194", "f195", "f196", "f197", "f198", "f199"),
                namesFrom(dir, f150.nextCookie()));
        assertEquals(List.of(), namesFrom(dir, 1L << 40));
        for (int i = 0; i < 50; i++) {
            fs.writeFile("/d/g" + i, new byte[0]);
        }
        assertEquals(61, dir.entryCount());
        assertEquals("g0", namesFrom(dir, 202).get(0));
        assertSame(f150.node(), dir.get(FileName.of("f150")));
        assertNull(dir.get(FileName.of("f149")));
        assertEquals(fs.readdir("/d"), namesFrom(dir, 0));
    }

    @Test
    void aRemovedNameCanBeCreatedAgainAndListsLast() {
        fs.mkdir("/d", false);
        for (String name : new String[] {"a", "b", "c"}) {
            fs.writeFile("/d/" + name, new byte[0]);
        }
        fs.unlink("/d/a");
        fs.writeFile("/d/a", new byte[0]);
        fs.rename("/d/b", "/d/z");
        assertEquals(List.of("c", "a", "z"), fs.readdir("/d"));
    }
}
