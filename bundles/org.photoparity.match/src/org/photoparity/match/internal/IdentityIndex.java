package org.photoparity.match.internal;

import java.util.List;

/**
 * Object identity to position in a list, open addressing over one int array that holds positions, not references:
 * no boxed Integer, no entry object and no reference store per element, so indexing a million assets leaves the GC
 * one array to skip instead of a million young objects to trace and copy.
 */
public final class IdentityIndex {

    private final List<?> elements;
    private final int[] table; // position + 1, 0 when free
    private final int mask;
    private final int shift;

    /** Indexes every element of the list by identity; a repeated instance takes its last position, as a map would. */
    public IdentityIndex(List<?> elements) {
        this.elements = elements;
        int n = elements.size();
        int cap = Integer.highestOneBit(Math.max(4, n * 2 - 1)) << 1; // load factor at most 1/2
        table = new int[cap];
        mask = cap - 1;
        shift = 32 - Integer.numberOfTrailingZeros(cap);
        for (int i = 0; i < n; i++) put(elements.get(i), i);
    }

    private void put(Object k, int pos) {
        for (int s = slot(k);; s = (s + 1) & mask) {
            int t = table[s];
            if (t == 0 || elements.get(t - 1) == k) {
                table[s] = pos + 1;
                return;
            }
        }
    }

    /** The position of that very object, -1 when it is not indexed. */
    public int get(Object k) {
        if (k == null) return -1;
        for (int s = slot(k);; s = (s + 1) & mask) {
            int t = table[s];
            if (t == 0) return -1;
            if (elements.get(t - 1) == k) return t - 1;
        }
    }

    private int slot(Object k) {
        // Fibonacci hashing: the top bits of the product spread identity hashes, which are not uniform
        return System.identityHashCode(k) * 0x9E3779B9 >>> shift;
    }
}
