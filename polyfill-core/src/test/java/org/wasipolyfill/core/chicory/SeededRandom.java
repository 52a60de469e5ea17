package org.wasipolyfill.core.chicory;

import java.util.SplittableRandom;
import org.wasipolyfill.core.RandomSource;
import org.wasipolyfill.core.memory.GuestMemory;

/** A reproducible {@link RandomSource}: the same seed gives the same bytes, run after run. */
final class SeededRandom implements RandomSource {
    private final SplittableRandom random;

    SeededRandom(long seed) {
        this.random = new SplittableRandom(seed);
    }

    @Override
    public void fill(GuestMemory memory, int address, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; ) {
            long word = random.nextLong();
            for (int k = 0; k < 8 && i < length; k++, word >>>= 8) {
                bytes[i++] = (byte) word;
            }
        }
        memory.write(address, bytes, 0, length);
    }
}
