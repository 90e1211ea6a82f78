package io.rafttorture.results.checker;

import java.util.Arrays;

/**
 * Porcupine's entry list over the ok operations of one partition: a call entry and a return entry per operation,
 * in real-time order, doubly linked so that linearizing an operation lifts both entries out in O(1) and
 * backtracking puts them back (unlift) in O(1). Entry {@link #head} is a sentinel; -1 ends the list.
 */
final class EntryList {
    final int head;
    final int[] next;
    final int[] prev;
    final int[] op;
    final int[] position;
    /** For a call entry, its return entry; -1 for a return entry. */
    final int[] match;

    /** Entries for operations 0..n-1, called at {@code calls[i]} and returning at {@code returns[i]}. */
    EntryList(int[] calls, int[] returns) {
        int n = calls.length;
        long[] order = new long[2 * n];
        for (int i = 0; i < n; i++) {
            order[2 * i] = ((long) calls[i] << 32) | (2L * i);
            order[2 * i + 1] = ((long) returns[i] << 32) | (2L * i + 1);
        }
        Arrays.sort(order);
        head = 2 * n;
        next = new int[2 * n + 1];
        prev = new int[2 * n + 1];
        op = new int[2 * n];
        position = new int[2 * n];
        match = new int[2 * n];
        int[] slotOf = new int[2 * n];
        for (int e = 0; e < 2 * n; e++) {
            int tag = (int) order[e];
            slotOf[tag] = e;
            op[e] = tag / 2;
            position[e] = (int) (order[e] >>> 32);
        }
        for (int e = 0; e < 2 * n; e++) {
            int tag = (int) order[e];
            match[e] = tag % 2 == 0 ? slotOf[tag + 1] : -1;
            next[e] = e + 1 < 2 * n ? e + 1 : -1;
            prev[e] = e == 0 ? head : e - 1;
        }
        next[head] = n == 0 ? -1 : 0;
    }

    boolean isCall(int e) {
        return match[e] >= 0;
    }

    /** Takes call entry {@code e} and its return out of the list. */
    void lift(int e) {
        next[prev[e]] = next[e];
        prev[next[e]] = prev[e];
        int r = match[e];
        next[prev[r]] = next[r];
        if (next[r] >= 0) {
            prev[next[r]] = prev[r];
        }
    }

    /** Undoes {@link #lift(int)} of {@code e}; must be called in reverse order of lifting. */
    void unlift(int e) {
        int r = match[e];
        next[prev[r]] = r;
        if (next[r] >= 0) {
            prev[next[r]] = r;
        }
        next[prev[e]] = e;
        prev[next[e]] = e;
    }
}
