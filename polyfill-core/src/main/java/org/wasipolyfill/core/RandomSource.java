package org.wasipolyfill.core;

import org.wasipolyfill.core.memory.GuestMemory;

/** The source behind {@code random_get}: cryptographically secure unless a test injects one. */
@FunctionalInterface
public interface RandomSource {
    /** Fills {@code [address, address + length)} of guest memory, already bounds-checked, with fresh bytes. */
    void fill(GuestMemory memory, int address, int length);
}
