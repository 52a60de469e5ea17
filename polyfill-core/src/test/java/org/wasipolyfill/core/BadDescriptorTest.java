package org.wasipolyfill.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.ToIntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wasipolyfill.core.abi.Errno;
import org.wasipolyfill.core.memory.ByteArrayGuestMemory;

/** Every call that takes a descriptor answers EBADF for one that is not open. */
class BadDescriptorTest {
    private static final int CLOSED = 77;
    private static final int P = 0x100;

    static Stream<Arguments> calls() {
        return Stream.of(
            call("fd_advise", w -> w.fdAdvise(CLOSED, 0, 0, 0)),
            call("fd_allocate", w -> w.fdAllocate(CLOSED, 0, 1)),
            call("fd_close", w -> w.fdClose(CLOSED)),
            call("fd_datasync", w -> w.fdDatasync(CLOSED)),
            call("fd_fdstat_get", w -> w.fdFdstatGet(CLOSED, P)),
            call("fd_fdstat_set_flags", w -> w.fdFdstatSetFlags(CLOSED, 0)),
            call("fd_fdstat_set_rights", w -> w.fdFdstatSetRights(CLOSED, 0, 0)),
            call("fd_filestat_get", w -> w.fdFilestatGet(CLOSED, P)),
            call("fd_filestat_set_size", w -> w.fdFilestatSetSize(CLOSED, 0)),
            call("fd_filestat_set_times", w -> w.fdFilestatSetTimes(CLOSED, 0, 0, 0)),
            call("fd_pread", w -> w.fdPread(CLOSED, P, 0, 0, P)),
            call("fd_prestat_get", w -> w.fdPrestatGet(CLOSED, P)),
            call("fd_prestat_dir_name", w -> w.fdPrestatDirName(CLOSED, P, 8)),
            call("fd_pwrite", w -> w.fdPwrite(CLOSED, P, 0, 0, P)),
            call("fd_read", w -> w.fdRead(CLOSED, P, 0, P)),
            call("fd_readdir", w -> w.fdReaddir(CLOSED, P, 64, 0, P)),
            call("fd_renumber (from)", w -> w.fdRenumber(CLOSED, 1)),
            call("fd_renumber (to)", w -> w.fdRenumber(1, CLOSED)),
            call("fd_seek", w -> w.fdSeek(CLOSED, 0, 0, P)),
            call("fd_sync", w -> w.fdSync(CLOSED)),
            call("fd_tell", w -> w.fdTell(CLOSED, P)),
            call("fd_write", w -> w.fdWrite(CLOSED, P, 0, P)),
            call("path_create_directory", w -> w.pathCreateDirectory(CLOSED, P, 1)),
            call("path_filestat_get", w -> w.pathFilestatGet(CLOSED, 0, P, 1, P)),
            call("path_filestat_set_times", w -> w.pathFilestatSetTimes(CLOSED, 0, P, 1, 0, 0, 0)),
            call("path_link (old)", w -> w.pathLink(CLOSED, 0, P, 1, 3, P, 1)),
            call("path_open", w -> w.pathOpen(CLOSED, 0, P, 1, 0, 0, 0, 0, P)),
            call("path_readlink", w -> w.pathReadlink(CLOSED, P, 1, P, 8, P)),
            call("path_remove_directory", w -> w.pathRemoveDirectory(CLOSED, P, 1)),
            call("path_rename (old)", w -> w.pathRename(CLOSED, P, 1, 3, P, 1)),
            call("path_rename (new)", w -> w.pathRename(3, P, 1, CLOSED, P, 1)),
            call("path_symlink", w -> w.pathSymlink(P, 1, CLOSED, P, 1)),
            call("path_unlink_file", w -> w.pathUnlinkFile(CLOSED, P, 1)),
            call("sock_accept", w -> w.sockAccept(CLOSED, 0, P)),
            call("sock_recv", w -> w.sockRecv(CLOSED, P, 0, 0, P, P)),
            call("sock_send", w -> w.sockSend(CLOSED, P, 0, 0, P)),
            call("sock_shutdown", w -> w.sockShutdown(CLOSED, 0)));
    }

    private static Arguments call(String name, ToIntFunction<Preview1Calls> invocation) {
        return Arguments.of(name, invocation);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void answersEBADF(String name, ToIntFunction<Preview1Calls> invocation) {
        WasiConfig config = WasiConfig.builder().clock(new FakeClock()).random((m, a, l) -> { })
                .preopen("/sandbox", "/").build();
        Preview1 wasi = new Preview1(config);
        ByteArrayGuestMemory memory = new ByteArrayGuestMemory(65536);
        memory.bytes()[P] = 'x';
        wasi.bindMemory(memory);
        assertEquals(Errno.name(Errno.BADF), Errno.name(invocation.applyAsInt(new Preview1Calls(wasi))));
    }
}
