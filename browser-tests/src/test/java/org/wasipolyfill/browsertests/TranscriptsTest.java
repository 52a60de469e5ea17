package org.wasipolyfill.browsertests;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class TranscriptsTest {

    private static GuestCase expect(int exitCode, String stdout, String stderr) {
        return new GuestCase("case", exitCode, stdout.getBytes(UTF_8), stderr.getBytes(UTF_8));
    }

    @Test
    void anIdenticalRunHasNoDifferences() {
        RunResult run = new RunResult(3, "a\nb\n".getBytes(UTF_8), "e\n".getBytes(UTF_8), null);
        assertNull(Transcripts.differences(expect(3, "a\nb\n", "e\n"), run));
    }

    @Test
    void aChangedLineShowsAsRemovedThenAdded() {
        RunResult run = new RunResult(0, "one\nTWO\nthree\n".getBytes(UTF_8), new byte[0], null);
        assertEquals("""
                stdout: expected 14 bytes, got 14 bytes (first difference at byte 4)
                --- expected stdout
                +++ actual stdout
                 one\\n
                -two\\n
                +TWO\\n
                 three\\n
                """, Transcripts.differences(expect(0, "one\ntwo\nthree\n", ""), run));
    }

    @Test
    void aWrongExitCodeAndAMissingFinalNewlineAreReported() {
        RunResult run = new RunResult(1, new byte[0], "oops".getBytes(UTF_8), null);
        assertEquals("""
                exit code: expected 0, got 1
                stderr: expected 5 bytes, got 4 bytes (first difference at byte 4)
                --- expected stderr
                +++ actual stderr
                -oops\\n
                +oops
                """, Transcripts.differences(expect(0, "", "oops\n"), run));
    }

    @Test
    void aFailedRunSaysWhy() {
        RunResult run = RunResult.failure("RuntimeError: wasi_snapshot_preview1.fd_write: out of bounds");
        assertEquals("""
                the run failed: RuntimeError: wasi_snapshot_preview1.fd_write: out of bounds
                exit code: expected 0, got none
                """, Transcripts.differences(expect(0, "", ""), run));
    }

    @Test
    void bytesThatAreNotUtf8AreEscaped() {
        assertEquals("\\x00\\xff\n", Transcripts.readable(new byte[] {0, (byte) 0xff, '\n'}));
        assertEquals("tab\\t ü\n", Transcripts.readable("tab\t ü\n".getBytes(UTF_8)));
    }
}
