package org.wasipolyfill.core.fs;

/**
 * The inodes that lost their last name, with the generation it happened in, in generation order.
 * It keeps at most {@link #CAPACITY} entries; when it drops older ones it can no longer answer for
 * the generations they covered, and a save from before them becomes a full one.
 */
final class DeletionLog {
    static final int CAPACITY = 1 << 16;

    private int[] inos = new int[16];
    private int[] generations = new int[16];
    private int count;
    /** Every deletion after this generation is in the log. */
    private int completeAfter;

    void record(int ino, int generation) {
        if (count == CAPACITY) {
            int dropped = CAPACITY / 2;
            completeAfter = generations[dropped - 1];
            System.arraycopy(inos, dropped, inos, 0, count - dropped);
            System.arraycopy(generations, dropped, generations, 0, count - dropped);
            count -= dropped;
        } else if (count == inos.length) {
            int[] moreInos = new int[count * 2];
            int[] moreGenerations = new int[count * 2];
            System.arraycopy(inos, 0, moreInos, 0, count);
            System.arraycopy(generations, 0, moreGenerations, 0, count);
            inos = moreInos;
            generations = moreGenerations;
        }
        inos[count] = ino;
        generations[count] = generation;
        count++;
    }

    /** Whether the log holds every deletion after generation {@code since}. */
    boolean covers(int since) {
        return since >= completeAfter;
    }

    /** The inodes deleted after generation {@code since}. */
    int[] since(int since) {
        int first = count;
        while (first > 0 && generations[first - 1] > since) {
            first--;
        }
        int[] result = new int[count - first];
        System.arraycopy(inos, first, result, 0, result.length);
        return result;
    }

    /** Forgets everything: from now on only deletions after {@code generation} are known. */
    void reset(int generation) {
        count = 0;
        completeAfter = generation;
    }
}
