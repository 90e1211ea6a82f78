package io.rafttorture.results.html;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A node's AppendEntries and RequestVote exchanges, counted per term and peer, from its events:
 * <ul>
 *   <li>AppendEntries sent (as leader): append-sent (to, round), append-answered (from, success, round), and
 *       message-ignored with a requestTerm and a round (an answer to an earlier term's request, which a leader must
 *       ignore; without a round, the same for a RequestVote).
 *       An append-answered whose round this node never sent to that peer in that term is counted apart: a leader
 *       that takes it for an acknowledgement confirms ReadIndex reads without a quorum;</li>
 *   <li>AppendEntries received (as follower): append-handled (from, success, reason);</li>
 *   <li>RequestVote sent (as candidate): vote-requested (to), vote-answered (from, granted);</li>
 *   <li>RequestVote received (as voter): vote-granted and vote-refused (candidate, reason).</li>
 * </ul>
 */
final class Exchanges {
    static final int SAMPLES = 3;

    static final int SENT = 0;
    static final int OK = 1;
    static final int REFUSED = 2;
    /** Answers taken in this term to a round this node never sent in it. */
    static final int UNSENT_ROUND = 3;
    /** Answers to an earlier term's request, ignored. */
    static final int EARLIER_TERM = 4;

    /**
     * One kind of exchange.
     *
     * @param kind      short id: append-out, append-in, vote-out, vote-in
     * @param title     heading for the page
     * @param counts    term → peer → counts indexed by {@link #SENT}, {@link #OK}, {@link #REFUSED},
     *                  {@link #UNSENT_ROUND} and {@link #EARLIER_TERM} (sent counted for this node's own requests)
     * @param samples   the first and last {@link #SAMPLES} events of this kind (answers first, where refused)
     * @param anomalies the first and last {@link #SAMPLES} answers to rounds never sent in their term
     */
    record Tally(String kind, String title, Map<Long, Map<Integer, int[]>> counts, List<JsonNode> samples,
                 List<JsonNode> anomalies) {
    }

    private record TermPeer(long term, int peer) {
    }

    private Exchanges() {
    }

    static List<Tally> of(NodeLog log) {
        Tally appendOut = tally("append-out", "AppendEntries sent (as leader) and peers' answers");
        Tally appendIn = tally("append-in", "AppendEntries received (as follower) and this node's answers");
        Tally voteOut = tally("vote-out", "RequestVote sent (as candidate) and peers' answers");
        Tally voteIn = tally("vote-in", "RequestVote received (as voter) and this node's answers");
        List<List<JsonNode>> seen = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        List<JsonNode> unsent = new ArrayList<>();
        Map<TermPeer, Long> roundsSent = new HashMap<>(); // highest round sent to a peer in a term
        for (JsonNode e : log.events()) {
            long term = e.path("term").asLong();
            switch (e.path("type").asText()) {
                case "append-sent" -> {
                    count(appendOut, term, e.path("to").asInt(), SENT);
                    roundsSent.merge(new TermPeer(term, e.path("to").asInt()), e.path("round").asLong(), Math::max);
                }
                case "append-answered" -> {
                    long sent = roundsSent.getOrDefault(new TermPeer(term, e.path("from").asInt()), 0L);
                    boolean neverSent = e.path("round").asLong() > sent;
                    if (neverSent) count(appendOut, term, e.path("from").asInt(), UNSENT_ROUND);
                    // listed once: with the anomalies, not again among the samples
                    answer(appendOut, neverSent ? unsent : seen.get(0), e, "from", e.path("success").asBoolean());
                }
                case "message-ignored" -> {
                    // an answer to an earlier term's request: AppendEntries rounds start at 1, a vote has round 0
                    Tally answered = e.path("round").asLong() > 0 ? appendOut : voteOut;
                    if (e.has("requestTerm")) count(answered, term, e.path("from").asInt(), EARLIER_TERM);
                }
                case "append-handled" -> answer(appendIn, seen.get(1), e, "from", e.path("success").asBoolean());
                case "vote-requested" -> count(voteOut, term, e.path("to").asInt(), SENT);
                case "vote-answered" -> answer(voteOut, seen.get(2), e, "from", e.path("granted").asBoolean());
                case "vote-granted", "vote-refused" ->
                        answer(voteIn, seen.get(3), e, "candidate", e.path("type").asText().equals("vote-granted"));
                default -> {
                }
            }
        }
        List<Tally> tallies = List.of(appendOut, appendIn, voteOut, voteIn);
        for (int i = 0; i < tallies.size(); i++) tallies.get(i).samples().addAll(firstAndLast(seen.get(i)));
        appendOut.anomalies().addAll(unsent.size() <= 2 * SAMPLES ? unsent : ends(unsent));
        return tallies;
    }

    private static Tally tally(String kind, String title) {
        return new Tally(kind, title, new TreeMap<>(), new ArrayList<>(), new ArrayList<>());
    }

    private static void count(Tally tally, long term, int peer, int column) {
        tally.counts().computeIfAbsent(term, k -> new TreeMap<>()).computeIfAbsent(peer, k -> new int[5])[column]++;
    }

    private static void answer(Tally tally, List<JsonNode> seen, JsonNode e, String peerField, boolean ok) {
        count(tally, e.path("term").asLong(), e.path(peerField).asInt(), ok ? OK : REFUSED);
        seen.add(e);
    }

    /** The first and last {@link #SAMPLES} of {@code events}, preferring refusals when there are any. */
    private static List<JsonNode> firstAndLast(List<JsonNode> events) {
        List<JsonNode> refused = events.stream().filter(e -> !e.path("success").asBoolean(true)
                || !e.path("granted").asBoolean(true) || e.path("type").asText().equals("vote-refused")).toList();
        List<JsonNode> from = refused.isEmpty() ? events : refused;
        return from.size() <= 2 * SAMPLES ? from : ends(from);
    }

    private static List<JsonNode> ends(List<JsonNode> from) {
        List<JsonNode> out = new ArrayList<>(from.subList(0, SAMPLES));
        out.addAll(from.subList(from.size() - SAMPLES, from.size()));
        return out;
    }

    /** One event as a line, e.g. "append-handled from n3, term 5, prevLogIndex 10: refused (log mismatch)". */
    static String describe(JsonNode e) {
        StringBuilder s = new StringBuilder(e.path("type").asText());
        e.properties().forEach(field -> {
            String name = field.getKey();
            if (!List.of("ts", "node", "type").contains(name) && !field.getValue().asText().isEmpty()) {
                s.append(", ").append(name).append(' ').append(Html.brief(field.getValue()));
            }
        });
        return s.toString();
    }
}
