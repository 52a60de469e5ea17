package org.wasipolyfill.core;

/** The source behind {@code random_get}: cryptographically secure unless a test injects one. */
@FunctionalInterface
public interface RandomSource {
    void fill(byte[] target, int offset, int length);
}
