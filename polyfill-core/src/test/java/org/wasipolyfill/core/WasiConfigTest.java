package org.wasipolyfill.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wasipolyfill.core.abi.Errno;
import org.wasipolyfill.core.fs.DirectoryNode;
import org.wasipolyfill.core.abi.ErrnoException;
import org.wasipolyfill.core.fs.MemFs;

/**
 * What a config holds: strings as the guest's bytes, and each preopen's directory, looked up once;
 * copies of what it was given, whatever the caller does with the originals afterwards.
 */
class WasiConfigTest {
    private final FakeClock clock = new FakeClock();
    private final MemFs fs = new MemFs(clock);

    private WasiConfig.Builder builder() {
        return WasiConfig.builder().clock(clock).random((memory, address, length) -> { }).fs(fs);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void preopensByPathAreLookedUpWhenBuilt() {
        fs.mkdir("/a/b", true);
        WasiConfig config = builder().preopen("/sandbox", "/a//b/").preopen(".", "/").build();
        assertArrayEquals(new byte[][] { utf8("/sandbox"), utf8(".") }, config.preopenNames());
        assertSame(fs.directory("/a/b"), config.preopenDirectories()[0]);
        assertSame(fs.root(), config.preopenDirectories()[1]);
    }

    @Test
    void aPreopenPathThatIsNoDirectoryFailsTheBuild() {
        fs.writeFile("/file", new byte[0]);
        WasiConfig.Builder missing = builder().preopen("/m", "/missing");
        assertEquals(Errno.NOENT, assertThrows(ErrnoException.class, missing::build).errno());
        WasiConfig.Builder file = builder().preopen("/f", "/file");
        assertEquals(Errno.NOTDIR, assertThrows(ErrnoException.class, file::build).errno());
    }

    @Test
    void preopensGivenAsDirectoriesKeepTheirOrderAfterThoseByPath() {
        DirectoryNode x = fs.mkdir(utf8("/x"), false);
        DirectoryNode y = fs.mkdir(utf8("/y"), false);
        WasiConfig config = builder().preopen("/root", "/")
                .preopens(new byte[][] { utf8("/x"), utf8("/y") }, new DirectoryNode[] { x, y }).build();
        assertArrayEquals(new DirectoryNode[] { fs.root(), x, y }, config.preopenDirectories());
        assertArrayEquals(new byte[][] { utf8("/root"), utf8("/x"), utf8("/y") }, config.preopenNames());
        assertThrows(NullPointerException.class,
                () -> builder().preopens(new byte[][] { utf8("/z") }, new DirectoryNode[1]));
        assertThrows(IllegalArgumentException.class,
                () -> builder().preopens(new byte[][] { utf8("/z") }, new DirectoryNode[0]));
    }

    @Test
    void argumentsAndEnvironmentAreTheGuestsBytesInOrder() {
        WasiConfig config = builder().args(new byte[][] { utf8("prog"), utf8("ünï") }).arg("last")
                .env("A", "1").env(utf8("B=ü=2")).build();
        assertArrayEquals(new byte[][] { utf8("prog"), utf8("ünï"), utf8("last") }, config.argArray());
        assertArrayEquals(new byte[][] { utf8("A=1"), utf8("B=ü=2") }, config.envArray());
    }

    @Test
    void aLaterBuildSeesNothingOfAnEarlierOnesArrays() {
        WasiConfig.Builder builder = builder().arg("one");
        WasiConfig first = builder.build();
        builder.arg("two");
        assertEquals(1, first.argArray().length);
        assertEquals(2, builder.build().argArray().length);
    }

    @Test
    void argsGivenAsAnArrayOrAsAListMakeTheSameConfigAndReplaceThoseBefore() {
        WasiConfig fromArray = builder().arg("dropped").args(new byte[][] { utf8("prog"), utf8("ünï") }).arg("last").build();
        WasiConfig fromList = builder().arg("dropped").args(List.of("prog", "ünï")).arg("last").build();
        byte[][] expected = { utf8("prog"), utf8("ünï"), utf8("last") };
        assertArrayEquals(expected, fromArray.argArray());
        assertArrayEquals(expected, fromList.argArray());
    }

    @Test
    void changingTheArgumentsArrayOrListAfterwardsChangesNoConfig() {
        byte[] first = utf8("prog");
        byte[][] array = { first, utf8("a") };
        List<String> list = new ArrayList<>(List.of("prog", "a"));
        WasiConfig.Builder fromArray = builder().args(array);
        WasiConfig.Builder fromList = builder().args(list);
        WasiConfig built = fromArray.build();
        array[1] = utf8("swapped");
        first[0] = 'X';
        list.set(1, "swapped");
        list.add("added");
        byte[][] expected = { utf8("prog"), utf8("a") };
        assertArrayEquals(expected, built.argArray());
        assertArrayEquals(expected, fromArray.build().argArray());
        assertArrayEquals(expected, fromList.build().argArray());
    }

    @Test
    void changingTheBytesOfOneArgumentOrVariableAfterwardsChangesNoConfig() {
        byte[] arg = utf8("prog");
        byte[] variable = utf8("K=V");
        WasiConfig config = builder().arg(arg).env(variable).build();
        arg[0] = 'X';
        variable[2] = 'X';
        assertArrayEquals(new byte[][] { utf8("prog") }, config.argArray());
        assertArrayEquals(new byte[][] { utf8("K=V") }, config.envArray());
    }

    @Test
    void changingThePreopenArraysAfterwardsChangesNoConfig() {
        DirectoryNode x = fs.mkdir(utf8("/x"), false);
        DirectoryNode y = fs.mkdir(utf8("/y"), false);
        byte[] name = utf8("/x");
        byte[][] names = { name, utf8("/y") };
        DirectoryNode[] directories = { x, y };
        boolean[] readOnly = { true, false };
        WasiConfig.Builder builder = builder().preopens(names, directories).readOnly(readOnly);
        WasiConfig built = builder.build();
        name[1] = 'z';
        names[1] = utf8("/swapped");
        directories[1] = x;
        readOnly[0] = false;
        readOnly[1] = true;
        for (WasiConfig config : List.of(built, builder.build())) {
            assertArrayEquals(new byte[][] { utf8("/x"), utf8("/y") }, config.preopenNames());
            assertArrayEquals(new DirectoryNode[] { x, y }, config.preopenDirectories());
            assertArrayEquals(new boolean[] { true, false }, config.preopenReadOnly());
        }
    }

    @Test
    void aBuilderUsedAgainAfterBuildChangesNothingInTheConfigItBuilt() {
        fs.mkdir("/a", false);
        DirectoryNode x = fs.mkdir(utf8("/x"), false);
        WasiConfig.Builder builder = builder().args(List.of("one")).env("A", "1")
                .preopens(new byte[][] { utf8("/x") }, new DirectoryNode[] { x });
        WasiConfig first = builder.build();
        builder.arg("two").env("B", "2").preopen("/a", "/a").readOnlyPreopen("/r", "/a");
        assertArrayEquals(new byte[][] { utf8("one") }, first.argArray());
        assertArrayEquals(new byte[][] { utf8("A=1") }, first.envArray());
        assertArrayEquals(new byte[][] { utf8("/x") }, first.preopenNames());
        assertEquals(null, first.preopenReadOnly());
        assertEquals(3, builder.build().preopenNames().length);
    }
}
