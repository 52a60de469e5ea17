package org.wasipolyfill.core.fd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.wasipolyfill.core.FakeClock;
import org.wasipolyfill.core.InputSource;
import org.wasipolyfill.core.OutputSink;
import org.wasipolyfill.core.abi.Errno;
import org.wasipolyfill.core.abi.FileType;
import org.wasipolyfill.core.abi.Rights;
import org.wasipolyfill.core.fs.DirectoryNode;
import org.wasipolyfill.core.abi.ErrnoException;
import org.wasipolyfill.core.fs.MemFs;

/** The descriptors a guest starts with are opened on first use, and behave as open ones meanwhile. */
class FdTableTest {
    private final MemFs fs = new MemFs(new FakeClock());
    private final DirectoryNode tmp = fs.mkdir("/tmp".getBytes(StandardCharsets.UTF_8), false);
    private final DirectoryNode home = fs.mkdir("/home".getBytes(StandardCharsets.UTF_8), false);
    private final FdTable table = new FdTable(InputSource.EMPTY, OutputSink.DISCARD, OutputSink.DISCARD,
            new byte[][] { bytes("/tmp"), bytes("/home") }, new DirectoryNode[] { tmp, home });

    @Test
    void opensEachInitialDescriptorOnceWithItsKind() {
        assertInstanceOf(StdinDescriptor.class, table.get(0));
        assertInstanceOf(OutputDescriptor.class, table.get(1));
        assertInstanceOf(OutputDescriptor.class, table.get(2));
        DirectoryDescriptor preopen = assertInstanceOf(DirectoryDescriptor.class, table.get(4));
        assertSame(home, preopen.directory());
        assertArrayEquals(bytes("/home"), preopen.preopenName());
        assertSame(table.get(1), table.get(1));
        assertSame(preopen, table.get(4, 0));
        assertEquals(FileType.CHARACTER_DEVICE, table.get(2).fileType());
    }

    @Test
    void unopenedInitialFdsAreTakenAndTheNextOneIsFree() {
        assertEquals(5, table.add(new DirectoryDescriptor(tmp, null, 0, 0, 0)));
        assertEquals(Errno.BADF, errno(() -> table.get(6)));
        assertEquals(Errno.BADF, errno(() -> table.get(-1)));
    }

    @Test
    void closingAnUnopenedFdFreesIt() {
        table.remove(3);
        assertEquals(Errno.BADF, errno(() -> table.get(3)));
        assertEquals(3, table.add(new DirectoryDescriptor(home, null, 0, 0, 0)));
        assertEquals(null, ((DirectoryDescriptor) table.get(3)).preopenName());
    }

    @Test
    void renumberingMovesAnUnopenedDescriptorAndClosesItsTarget() {
        table.renumber(3, 1);
        DirectoryDescriptor moved = assertInstanceOf(DirectoryDescriptor.class, table.get(1));
        assertSame(tmp, moved.directory());
        assertEquals(Errno.BADF, errno(() -> table.get(3)));
        assertEquals(3, table.add(new DirectoryDescriptor(home, null, 0, 0, 0)));
    }

    @Test
    void manyPreopensGrowTheTable() {
        int count = 20;
        byte[][] names = new byte[count][];
        DirectoryNode[] directories = new DirectoryNode[count];
        for (int i = 0; i < count; i++) {
            names[i] = bytes("/p" + i);
            directories[i] = i % 2 == 0 ? tmp : home;
        }
        FdTable many = new FdTable(InputSource.EMPTY, OutputSink.DISCARD, OutputSink.DISCARD, names, directories);
        assertArrayEquals(bytes("/p19"), ((DirectoryDescriptor) many.get(22)).preopenName());
        assertEquals(3 + count, many.add(new DirectoryDescriptor(tmp, null, 0, 0, 0)));
    }

    private static int errno(Runnable call) {
        return assertThrows(ErrnoException.class, call::run).errno();
    }

    @Test
    void aReadOnlyPreopenHoldsNoRightThatChangesAndHandsNoneDown() {
        FdTable limited = new FdTable(InputSource.EMPTY, OutputSink.DISCARD, OutputSink.DISCARD,
                new byte[][] { bytes("/tmp"), bytes("/home") }, new DirectoryNode[] { tmp, home },
                new boolean[] { false, true }, 64);
        assertEquals(Rights.DIRECTORY_BASE, limited.get(3).rightsBase());
        DirectoryDescriptor readOnly = (DirectoryDescriptor) limited.get(4);
        assertEquals(Rights.READ_ONLY_DIRECTORY_BASE, readOnly.rightsBase());
        int changes = Rights.FD_WRITE | Rights.FD_ALLOCATE | Rights.FD_FILESTAT_SET_SIZE | Rights.FD_FILESTAT_SET_TIMES
                | Rights.PATH_CREATE_FILE | Rights.PATH_CREATE_DIRECTORY | Rights.PATH_LINK_SOURCE
                | Rights.PATH_LINK_TARGET | Rights.PATH_RENAME_SOURCE | Rights.PATH_RENAME_TARGET
                | Rights.PATH_FILESTAT_SET_SIZE | Rights.PATH_FILESTAT_SET_TIMES | Rights.PATH_SYMLINK
                | Rights.PATH_REMOVE_DIRECTORY | Rights.PATH_UNLINK_FILE;
        assertEquals(0, readOnly.rightsBase() & changes);
        // FD_WRITE is listed, so that wasi-libc asks for it and gets EPERM, but never handed down (Preview1).
        assertEquals(Rights.FD_WRITE, readOnly.rightsInheriting() & changes);
        assertEquals(Errno.PERM, errno(() -> readOnly.require(Rights.PATH_CREATE_FILE)));
        assertEquals(Errno.PERM, errno(() -> readOnly.require(Rights.FD_FILESTAT_SET_TIMES)));
        Descriptor narrowed = limited.get(3);
        narrowed.setRights(Rights.PATH_OPEN, 0);
        assertEquals(Errno.NOTCAPABLE, errno(() -> narrowed.require(Rights.PATH_CREATE_FILE)));
    }

    @Test
    void noDescriptorIsPlacedAtTheLimitOrAbove() {
        FdTable limited = new FdTable(InputSource.EMPTY, OutputSink.DISCARD, OutputSink.DISCARD,
                new byte[][] { bytes("/tmp") }, new DirectoryNode[] { tmp }, null, 6);
        assertEquals(4, limited.add(new DirectoryDescriptor(tmp, null, 0, 0, 0)));
        assertEquals(5, limited.add(new DirectoryDescriptor(tmp, null, 0, 0, 0)));
        assertEquals(Errno.MFILE, errno(() -> limited.add(new DirectoryDescriptor(tmp, null, 0, 0, 0))));
        assertEquals(Errno.MFILE, errno(limited::requireFree));
        limited.remove(4);
        assertEquals(4, limited.requireFree());
        assertEquals(4, limited.add(new DirectoryDescriptor(tmp, null, 0, 0, 0)));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
