package org.wasipolyfill.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.wasipolyfill.core.abi.Errno;
import org.wasipolyfill.core.abi.OFlags;
import org.wasipolyfill.core.abi.Rights;
import org.wasipolyfill.core.abi.Whence;
import org.wasipolyfill.core.memory.ByteArrayGuestMemory;
import org.wasipolyfill.core.memory.MemoryFault;

/** fd_tell on every kind of descriptor: a file's position as a u64, an errno for everything else. */
class FdTellTest {
    private static final int PREOPEN = 3;
    private static final int PATH = 0x100;
    private static final int FD_OUT = 0x200;
    private static final int OFFSET_OUT = 0x208;
    private static final int NEW_OFFSET_OUT = 0x210;

    private final ByteArrayGuestMemory memory = new ByteArrayGuestMemory(65536);
    private final Preview1Calls wasi = new Preview1Calls(new Preview1(WasiConfig.builder().clock(new FakeClock()).random((m, a, l) -> { })
            .preopen("/sandbox", "/").build()));

    FdTellTest() {
        wasi.preview1().bindMemory(memory);
    }

    @Test
    void aFileAnswersItsPositionAsAU64() {
        int fd = open(Rights.REGULAR_FILE_BASE);
        assertEquals(Errno.SUCCESS, wasi.fdTell(fd, OFFSET_OUT));
        assertEquals(0, memory.readI64(OFFSET_OUT));
        assertEquals(Errno.SUCCESS, wasi.fdSeek(fd, (1L << 40) + 3, Whence.SET, NEW_OFFSET_OUT));
        assertEquals(Errno.SUCCESS, wasi.fdTell(fd, OFFSET_OUT));
        assertEquals((1L << 40) + 3, memory.readI64(OFFSET_OUT));
    }

    @Test
    void theStdioStreamsAnswerESPIPEBeforeAndAfterTheirFirstUse() {
        for (int fd = 0; fd <= 2; fd++) {
            assertEquals(Errno.name(Errno.SPIPE), Errno.name(wasi.fdTell(fd, OFFSET_OUT)), "fd " + fd);
            assertEquals(Errno.name(Errno.SPIPE), Errno.name(wasi.fdTell(fd, OFFSET_OUT)), "fd " + fd + " again");
        }
    }

    @Test
    void aDirectoryAnswersEBADF() {
        assertEquals(Errno.name(Errno.BADF), Errno.name(wasi.fdTell(PREOPEN, OFFSET_OUT)));
        assertEquals(Errno.name(Errno.BADF), Errno.name(wasi.fdTell(-1, OFFSET_OUT)));
    }

    @Test
    void aFileWithoutTheTellRightAnswersENOTCAPABLE() {
        int fd = open(Rights.REGULAR_FILE_BASE & ~Rights.FD_TELL);
        assertEquals(Errno.name(Errno.NOTCAPABLE), Errno.name(wasi.fdTell(fd, OFFSET_OUT)));
    }

    @Test
    void aWildResultPointerTraps() {
        int fd = open(Rights.REGULAR_FILE_BASE);
        assertThrows(MemoryFault.class, () -> wasi.fdTell(fd, 65536 - 4));
    }

    private int open(int rights) {
        byte[] name = "f".getBytes(StandardCharsets.UTF_8);
        memory.write(PATH, name, 0, name.length);
        assertEquals(Errno.SUCCESS, wasi.pathOpen(PREOPEN, 0, PATH, name.length, OFlags.CREAT, rights, rights, 0,
                FD_OUT));
        return memory.readI32(FD_OUT);
    }
}
