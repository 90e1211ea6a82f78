package io.rafttorture.results.checker;

import java.util.Arrays;
import java.util.Objects;

/**
 * The configurations a search has visited, as a tree: each node is a model state reached by linearizing one more
 * operation than its parent, so a node's linearized set is the operations on its path to the root. Porcupine
 * memoizes (linearized bitset, state) and clones an n-bit bitset per entry; here an entry costs a few words.
 *
 * <p>A configuration is pruned when a visited one <em>dominates</em> it: same ok operations linearized, same
 * state, and no more operations of each {@link InfoClasses info class} used. Info operations are optional, so a
 * configuration with more of them still available can do everything the other can (Lowe's memoization is the
 * special case of equal sets). With more than {@link #MAX_DOMINANCE_CLASSES} info classes the counters would cost
 * too much, and configurations are pruned only by equal sets of all operations, as Lowe and Porcupine do. Sets are
 * hashed by Zobrist fingerprints (XOR of a random word per operation, updated in O(1)) and compared exactly by
 * walking both paths up to their common ancestor. Configurations with equal sets and states form a group, found
 * through one hash table slot and compared once; a group keeps only counters that no other member dominates.
 *
 * <p>Below, "ok set", "okDepth" and "fingerprint" cover the ok operations only under dominance, and all operations
 * without it.
 */
final class SearchTree {
    /** Result of {@link #child}: a visited configuration dominates this one. */
    static final int SEEN = -1;
    /** Result of {@link #child}: the memory budget is exhausted. */
    static final int FULL = -2;
    /**
     * Beyond this many info classes a per-node counter array costs more than dominance saves (histories with
     * unique values have one class per info operation), and configurations are compared by equal sets.
     */
    static final int MAX_DOMINANCE_CLASSES = 64;

    private final long[] zobrist;
    private final int okCount;
    private final Budget budget;
    private final int[] noInfo;
    private int size;
    private long reserved;
    private long capacity;
    /** Cache entries used: one per node, plus the info counters' share. */
    private long charged;
    /** Whether {@link #child} prunes by dominance (few info classes) or by equal sets (many). */
    private final boolean dominance;
    private int[] parent = new int[64];
    private int[] op = new int[64];
    private int[] depth = new int[64];
    private int[] okDepth = new int[64];
    private long[] fingerprint = new long[64];
    private int[] stateHash = new int[64];
    private Object[] state = new Object[64];
    /** Per node, how many operations of each info class its path used (shared with its parent when unchanged). */
    private int[][] infoUsed = new int[64][];
    /** Open addressing by (set fingerprint, state hash): each slot holds the head of a group, +1 (0 = empty). */
    private int[] table = new int[256];
    private int groups;
    /**
     * Groups: configurations with the same set of ok operations and the same state, linked from the head; their
     * info counters form an antichain (no member dominates another).
     */
    private int[] nextInGroup = new int[64];
    private int[] scratch = new int[16];
    /** Per operation, the {@link #stamp} of the last {@link #sameOkSet} that saw it on the candidate's side. */
    private final int[] mark;
    private int stamp;

    /**
     * @param zobrist    a random word per operation id
     * @param okCount    ids below this are ok operations, the others info
     * @param infoClasses number of info classes, or -1 to prune by equal sets only (no dominance); see
     *                    {@link #MAX_DOMINANCE_CLASSES}
     */
    SearchTree(long[] zobrist, int okCount, int infoClasses, Budget budget) {
        this.zobrist = zobrist;
        this.okCount = okCount;
        this.budget = budget;
        this.mark = new int[zobrist.length];
        this.dominance = infoClasses >= 0 && infoClasses <= MAX_DOMINANCE_CLASSES;
        this.noInfo = new int[dominance ? infoClasses : 0];
    }

    /** Adds the root (nothing linearized, {@code initial} state); false when the memory budget is exhausted. */
    boolean addRoot(Object initial) {
        int h = Objects.hashCode(initial);
        int n = add(-1, -1, 0, 0L, h, initial, noInfo);
        if (n < 0) {
            return false;
        }
        table[slot(0L, h, table.length - 1)] = n + 1;
        groups = 1;
        return true;
    }

    /** Gives the reserved memory back to the budget; the tree stays readable. */
    void release() {
        budget.release(reserved);
        reserved = 0;
    }

    int size() {
        return size;
    }

    Object state(int node) {
        return state[node];
    }

    int parent(int node) {
        return parent[node];
    }

    int op(int node) {
        return op[node];
    }

    int depth(int node) {
        return depth[node];
    }

    /**
     * The node for "{@code node} plus operation {@code o} (of info class {@code infoClass}, or -1 for an ok one),
     * in state {@code next}", added if new; {@link #SEEN} if a visited configuration dominates it, {@link #FULL}
     * if there is no memory left.
     */
    int child(int node, int o, int infoClass, Object next) {
        boolean ok = infoClass < 0;
        // Without dominance, info operations count in the set like ok ones (Porcupine's equality).
        boolean inSet = ok || !dominance;
        long fp = inSet ? fingerprint[node] ^ zobrist[o] : fingerprint[node];
        int okD = okDepth[node] + (inSet ? 1 : 0);
        int[] used = ok || !dominance ? infoUsed[node] : incremented(infoUsed[node], infoClass);
        int h = Objects.hashCode(next);
        int mask = table.length - 1;
        int slot = slot(fp, h, mask);
        for (; table[slot] != 0; slot = (slot + 1) & mask) {
            int head = table[slot] - 1;
            if (fingerprint[head] == fp && stateHash[head] == h && okDepth[head] == okD
                    && Objects.equals(state[head], next) && sameOkSet(head, node, o)) {
                return dominated(head, used) ? SEEN : join(slot, node, o, okD, fp, h, next, used);
            }
        }
        int n = add(node, o, okD, fp, h, next, used);
        if (n >= 0) {
            table[slot] = n + 1;
            if (2 * ++groups > table.length) {
                rehash(table.length * 2);
            }
        }
        return n;
    }

    /** True when a member of the group of {@code head} used no more of each info class than {@code used}. */
    private boolean dominated(int head, int[] used) {
        for (int m = head; m >= 0; m = nextInGroup[m]) {
            if (atMost(infoUsed[m], used)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Adds the configuration to the group at {@code slot} as its new head, dropping the members it dominates: they
     * can no longer prune anything it does not (the group stays an antichain).
     */
    private int join(int slot, int node, int o, int okD, long fp, int h, Object next, int[] used) {
        int n = add(node, o, okD, fp, h, next, used);
        if (n < 0) {
            return n;
        }
        int last = n;
        for (int m = table[slot] - 1; m >= 0; m = nextInGroup[m]) {
            if (!atMost(used, infoUsed[m])) {
                nextInGroup[last] = m;
                last = m;
            }
        }
        nextInGroup[last] = -1;
        table[slot] = n + 1;
        return n;
    }

    private static int[] incremented(int[] used, int infoClass) {
        int[] copy = used.clone();
        copy[infoClass]++;
        return copy;
    }

    private static boolean atMost(int[] a, int[] b) {
        if (a == b) {
            return true;
        }
        for (int i = 0; i < a.length; i++) {
            if (a[i] > b[i]) {
                return false;
            }
        }
        return true;
    }

    private int add(int node, int o, int okD, long fp, int h, Object s, int[] used) {
        int cost = node >= 0 && used == infoUsed[node] ? 1
                : 1 + (16 + 4 * used.length) / CheckOptions.BYTES_PER_CACHE_ENTRY;
        while (charged + cost > capacity) {
            if (!budget.reserveBlock()) {
                return FULL;
            }
            reserved += Budget.BLOCK;
            capacity += Budget.BLOCK;
        }
        charged += cost;
        if (size == parent.length) {
            grow();
        }
        int n = size++;
        parent[n] = node;
        op[n] = o;
        depth[n] = node < 0 ? 0 : depth[node] + 1;
        okDepth[n] = okD;
        fingerprint[n] = fp;
        stateHash[n] = h;
        state[n] = s;
        infoUsed[n] = used;
        nextInGroup[n] = -1;
        return n;
    }

    /** Re-inserts every group head into a table of {@code newCapacity} slots. */
    private void rehash(int newCapacity) {
        int[] old = table;
        table = new int[newCapacity];
        int mask = newCapacity - 1;
        for (int entry : old) {
            if (entry != 0) {
                int slot = slot(fingerprint[entry - 1], stateHash[entry - 1], mask);
                while (table[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                table[slot] = entry;
            }
        }
    }

    /**
     * Slot by the ok set's fingerprint and the state's hash: configurations with one set and many states (appends
     * in different orders) would otherwise pile up in one probe chain.
     */
    private static int slot(long fp, int stateHash, int mask) {
        long x = fp ^ (stateHash * 0x9E3779B97F4A7C15L);
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        return (int) x & mask;
    }

    /**
     * True when the ok operations on the path of {@code a} are those on the path of {@code b} plus {@code o}:
     * walks both paths up to their common ancestor, marking the candidate's side, then checks that every ok
     * operation on a's side is marked (both sides hold equally many, as their ok depths are equal).
     */
    private boolean sameOkSet(int a, int b, int o) {
        stamp++;
        mark[o] = stamp;
        int count = 0;
        int da = depth[a];
        int db = depth[b];
        while (a != b) {
            if (da >= db) {
                if (count == scratch.length) {
                    scratch = Arrays.copyOf(scratch, 2 * count);
                }
                scratch[count++] = op[a];
                a = parent[a];
                da--;
            }
            if (db > da) {
                mark[op[b]] = stamp;
                b = parent[b];
                db--;
            }
        }
        for (int i = 0; i < count; i++) {
            if ((scratch[i] < okCount || !dominance) && mark[scratch[i]] != stamp) {
                return false;
            }
        }
        return true;
    }

    private void grow() {
        int newCapacity = parent.length * 2;
        parent = Arrays.copyOf(parent, newCapacity);
        op = Arrays.copyOf(op, newCapacity);
        depth = Arrays.copyOf(depth, newCapacity);
        okDepth = Arrays.copyOf(okDepth, newCapacity);
        fingerprint = Arrays.copyOf(fingerprint, newCapacity);
        stateHash = Arrays.copyOf(stateHash, newCapacity);
        state = Arrays.copyOf(state, newCapacity);
        infoUsed = Arrays.copyOf(infoUsed, newCapacity);
        nextInGroup = Arrays.copyOf(nextInGroup, newCapacity);
    }
}
