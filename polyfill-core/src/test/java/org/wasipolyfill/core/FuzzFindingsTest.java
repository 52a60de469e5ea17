package org.wasipolyfill.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.wasipolyfill.core.GuestFixture.DATA;
import static org.wasipolyfill.core.GuestFixture.OUT;
import static org.wasipolyfill.core.GuestFixture.PATH;
import static org.wasipolyfill.core.GuestFixture.PATH2;
import static org.wasipolyfill.core.GuestFixture.PREOPEN;
import static org.wasipolyfill.core.GuestFixture.name;

import org.junit.jupiter.api.Test;
import org.wasipolyfill.core.abi.Errno;
import org.wasipolyfill.core.abi.Whence;

/** The minimal sequences the syscall fuzzer (fuzz/SyscallFuzzTest) shrank its findings to. */
class FuzzFindingsTest {
    private final GuestFixture guest = new GuestFixture();

    @Test
    void pwriteOfNothingPastTheEndLeavesTheSizeAlone() {
        int fd = guest.open("f", 0);
        assertEquals(name(Errno.SUCCESS), name(guest.wasi.fdPwrite(fd, guest.iovec(0), 1, 6, OUT)));
        assertEquals(0, guest.memory.readI32(OUT));
        assertEquals(5, guest.size(fd));
    }

    @Test
    void writeOfNothingAfterASeekPastTheEndLeavesTheSizeAlone() {
        int fd = guest.open("f", 0);
        assertEquals(Errno.SUCCESS, guest.wasi.fdSeek(fd, 100, Whence.SET, OUT));
        assertEquals(name(Errno.SUCCESS), name(guest.wasi.fdWrite(fd, guest.iovec(0), 1, OUT)));
        assertEquals(5, guest.size(fd));
    }

    @Test
    void writeOfNothingPastTheByteBudgetSucceeds() {
        int fd = guest.open("f", 0);
        assertEquals(Errno.SUCCESS, guest.wasi.fdSeek(fd, 1L << 40, Whence.SET, OUT));
        assertEquals(name(Errno.SUCCESS), name(guest.wasi.fdWrite(fd, guest.iovec(0), 1, OUT)));
        assertEquals(0, guest.memory.readI32(OUT));
        assertEquals(5, guest.size(fd));
    }

    @Test
    void symlinkWhoseTargetHoldsANulIsEINVAL() {
        guest.memory.write(PATH2, new byte[] {'a', 0, 'b'}, 0, 3);
        assertEquals(name(Errno.INVAL), name(guest.wasi.pathSymlink(PATH2, 3, PREOPEN, PATH, guest.path("b"))));
        assertFalse(guest.fs.readdir("/sandbox").contains("b"));
    }

    @Test
    void symlinkWhoseTargetIsNotUtf8IsEILSEQ() {
        guest.memory.write(PATH2, new byte[] {'a', (byte) 0xFF}, 0, 2);
        assertEquals(name(Errno.ILSEQ), name(guest.wasi.pathSymlink(PATH2, 2, PREOPEN, PATH, guest.path("b"))));
        assertFalse(guest.fs.readdir("/sandbox").contains("b"));
    }

    @Test
    void symlinkWithAnEmptyTargetIsENOENT() {
        assertEquals(name(Errno.NOENT), name(guest.wasi.pathSymlink(DATA, 0, PREOPEN, PATH, guest.path("b"))));
        assertFalse(guest.fs.readdir("/sandbox").contains("b"));
    }
}
