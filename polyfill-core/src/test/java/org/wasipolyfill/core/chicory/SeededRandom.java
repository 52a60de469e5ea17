package org.wasipolyfill.core.chicory;

import java.util.SplittableRandom;
import org.wasipolyfill.core.RandomSource;

/** A reproducible {@link RandomSource}: the same seed gives the same bytes, run after run. */
final class SeededRandom implements RandomSource {
    private final SplittableRandom random;

    SeededRandom(long seed) {
        this.random = new SplittableRandom(seed);
    }

    @Override
    public void fill(byte[] target, int offset, int length) {
        for (int end = offset + length; offset < end; ) {
            long word = random.nextLong();
            for (int k = 0; k < 8 && offset < end; k++, word >>>= 8) {
                target[offset++] = (byte) word;
            }
        }
    }
}
