package org.photoparity.match.internal;

/** A set of longs over one flat array (no boxed Long per element). Long.MIN_VALUE marks a free slot. */
public final class LongSet {

    private static final long FREE = Long.MIN_VALUE;

    private long[] table;
    private int size;
    private boolean hasFree; // whether FREE itself was added

    public LongSet(int expected) {
        table = new long[Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1];
        java.util.Arrays.fill(table, FREE);
    }

    public void add(long v) {
        if (v == FREE) {
            hasFree = true;
            return;
        }
        if ((size + 1) * 2 > table.length) grow();
        if (insert(table, v)) size++;
    }

    public boolean contains(long v) {
        if (v == FREE) return hasFree;
        int mask = table.length - 1;
        for (int s = slot(v, mask);; s = (s + 1) & mask) {
            long cur = table[s];
            if (cur == v) return true;
            if (cur == FREE) return false;
        }
    }

    private static boolean insert(long[] t, long v) {
        int mask = t.length - 1;
        for (int s = slot(v, mask);; s = (s + 1) & mask) {
            long cur = t[s];
            if (cur == v) return false;
            if (cur == FREE) {
                t[s] = v;
                return true;
            }
        }
    }

    private void grow() {
        long[] bigger = new long[table.length * 2];
        java.util.Arrays.fill(bigger, FREE);
        for (long v : table) if (v != FREE) insert(bigger, v);
        table = bigger;
    }

    private static int slot(long v, int mask) {
        long h = v * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
