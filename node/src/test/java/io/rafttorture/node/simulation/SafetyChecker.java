package io.rafttorture.node.simulation;

import io.rafttorture.node.kv.ClientRequest;
import io.rafttorture.node.kv.ClientResponse;
import io.rafttorture.node.kv.ClientResponse.Status;
import io.rafttorture.node.raft.Entry;
import io.rafttorture.node.raft.Role;
import io.rafttorture.node.replica.NodeStatus;
import io.rafttorture.node.replica.Ready;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Figure 3's safety properties, checked after every Ready a simulated node processes:
 * election safety, log matching, leader completeness and state machine safety. Incremental: each new entry and
 * each newly committed index is checked once, so a check costs what the step changed. Also read safety (thesis
 * §6.4): a read answered OK reflects every entry committed anywhere before the read reached its node, which a
 * correct ReadIndex guarantees whether or not a client happened to see the newer entries.
 */
final class SafetyChecker {
    private record EntryKey(long index, long term) {}

    private record ReadKey(int node, long clientId, long seq) {}

    private record Seen(Entry entry, long prevTerm, int node) {}

    private final Map<Long, Integer> leaderOfTerm = new HashMap<>();
    private final Map<EntryKey, Seen> entries = new HashMap<>();
    /** The committed log as first observed: index -> entry, and the term in which it was first seen committed. */
    final TreeMap<Long, Entry> committed = new TreeMap<>();
    private final Map<Long, Long> commitTerm = new HashMap<>();
    private final long[] checkedCommit = new long[9];
    private final long[] leaderTermChecked = new long[9];
    /** Per read submission, the highest index committed anywhere when it reached the node. */
    private final Map<ReadKey, Long> committedAtReceipt = new HashMap<>();
    String violation;

    void onRestart(int node) {
        checkedCommit[node] = 0;
    }

    void afterReady(int node, Ready ready, SimStorage storage, NodeStatus status) {
        if (violation != null) return;
        checkLogMatching(node, ready, storage);
        checkElectionSafety(node, status);
        checkStateMachineSafety(node, storage, status);
        checkLeaderCompleteness(node, storage, status);
    }

    /** Log matching (§5.3): an (index, term) pair names one entry and one predecessor term everywhere. */
    private void checkLogMatching(int node, Ready ready, SimStorage storage) {
        for (Entry e : ready.entries()) {
            Seen now = new Seen(e, storage.term(e.index() - 1), node);
            Seen before = entries.putIfAbsent(new EntryKey(e.index(), e.term()), now);
            if (before != null && (!before.entry().equals(e) || before.prevTerm() != now.prevTerm())) {
                fail("log matching: node " + node + " holds " + e + " after term " + now.prevTerm()
                        + " but node " + before.node() + " holds " + before.entry() + " after term "
                        + before.prevTerm());
                return;
            }
        }
    }

    /** Election safety (§5.2): at most one leader per term. */
    private void checkElectionSafety(int node, NodeStatus status) {
        if (status.role() != Role.LEADER) return;
        Integer other = leaderOfTerm.putIfAbsent(status.term(), node);
        if (other != null && other != node) {
            fail("election safety: nodes " + other + " and " + node + " both leader in term " + status.term());
        }
    }

    /** State machine safety (§5.4.3): every node commits the same entry at each index. */
    private void checkStateMachineSafety(int node, SimStorage storage, NodeStatus status) {
        if (status.commitIndex() > storage.log.size()) {
            fail("node " + node + " commitIndex " + status.commitIndex() + " beyond its stored log "
                    + storage.log.size());
            return;
        }
        for (long i = checkedCommit[node] + 1; i <= status.commitIndex(); i++) {
            Entry e = storage.log.get((int) i - 1);
            Entry first = committed.putIfAbsent(i, e);
            if (first == null) {
                commitTerm.put(i, status.term());
            } else if (!first.equals(e)) {
                fail("state machine safety: node " + node + " committed " + e + " at index " + i
                        + " where " + first + " was committed");
                return;
            }
        }
        checkedCommit[node] = Math.max(checkedCommit[node], status.commitIndex());
    }

    /** Leader completeness (§5.4): a leader of term T holds every entry committed in an earlier term. */
    private void checkLeaderCompleteness(int node, SimStorage storage, NodeStatus status) {
        if (status.role() != Role.LEADER || leaderTermChecked[node] == status.term()) return;
        leaderTermChecked[node] = status.term();
        for (Map.Entry<Long, Entry> c : committed.entrySet()) {
            long i = c.getKey();
            if (commitTerm.get(i) >= status.term()) continue;
            Entry mine = i <= storage.log.size() ? storage.log.get((int) i - 1) : null;
            if (!c.getValue().equals(mine)) {
                fail("leader completeness: node " + node + " leads term " + status.term() + " without committed "
                        + c.getValue() + " (it holds " + mine + ")");
                return;
            }
        }
    }

    /** A read reaches {@code node}; a second submission of the same read keeps the first, lower bound. */
    void onReadReceived(int node, ClientRequest read) {
        long committedIndex = committed.isEmpty() ? 0 : committed.lastKey();
        committedAtReceipt.putIfAbsent(new ReadKey(node, read.clientId(), read.seq()), committedIndex);
    }

    /** Read safety: {@code node} answers a read OK from its state machine applied up to {@code lastApplied}. */
    void onResponse(int node, ClientResponse response, long lastApplied) {
        Long bound = committedAtReceipt.get(new ReadKey(node, response.clientId(), response.seq()));
        if (violation != null || bound == null || response.status() != Status.OK || lastApplied >= bound) return;
        fail("read safety: node " + node + " answered client " + response.clientId() + " seq " + response.seq()
                + " (" + response.value() + ") from its state at index " + lastApplied + ", but " + committed.get(bound)
                + " was committed before the read reached it");
    }

    private void fail(String message) {
        if (violation == null) violation = message;
    }
}
