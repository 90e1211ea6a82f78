package io.rafttorture.harness.sweep.leadercrash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rafttorture.harness.cluster.NodeEventListener;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the nodes' {@code election-started} and {@code election-won} events as they arrive (a {@link
 * NodeEventListener} on the cluster) and lets the experiment wait for a winner. Their {@code ts} is the node's
 * wall clock, which the containers share with the harness, so it can be compared with the crash time.
 */
final class ElectionWatch implements NodeEventListener {
    /** One election event: who, which term, when (epoch ms). */
    record Election(int node, long term, long epochMs) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<Election> started = new ArrayList<>();
    private final List<Election> won = new ArrayList<>();

    @Override
    public void onLine(int node, String line) {
        // Cheap test first: heartbeat events dominate the stream at a 1 ms tick.
        if (!line.contains("\"election-")) return;
        try {
            JsonNode event = JSON.readTree(line);
            String type = event.path("type").asText();
            Election e = new Election(node, event.path("term").asLong(), event.path("ts").asLong());
            synchronized (this) {
                if (type.equals("election-started")) started.add(e);
                if (type.equals("election-won")) won.add(e);
                notifyAll();
            }
        } catch (IOException notJson) {
            // not an event line (the node prints only JSON on stdout; the Raft checks report anything else)
        }
    }

    /** Waits until some node wins an election of a term above {@code term}, at most until {@code deadlineNanos}. */
    synchronized Optional<Election> awaitWinnerAfter(long term, long deadlineNanos) throws InterruptedException {
        while (true) {
            Optional<Election> winner = won.stream().filter(e -> e.term() > term).findFirst();
            long left = deadlineNanos - System.nanoTime();
            if (winner.isPresent() || left <= 0) return winner;
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** Candidacies in terms above {@code after} up to {@code upTo}. */
    synchronized int candidacies(long after, long upTo) {
        return (int) started.stream().filter(e -> e.term() > after && e.term() <= upTo).count();
    }

    /** The candidacies of one term, in order of their timestamps. */
    synchronized List<Election> candidaciesOf(long term) {
        return started.stream().filter(e -> e.term() == term)
                .sorted(java.util.Comparator.comparingLong(Election::epochMs)).toList();
    }

    /** The highest term any node stood in; {@code floor} if none is higher. */
    synchronized long highestCandidateTerm(long floor) {
        return started.stream().mapToLong(Election::term).filter(t -> t > floor).max().orElse(floor);
    }

    /** Forgets events of terms up to {@code term}: a long sweep keeps only what the next trial needs. */
    synchronized void forgetUpTo(long term) {
        started.removeIf(e -> e.term() <= term);
        won.removeIf(e -> e.term() <= term);
    }
}
