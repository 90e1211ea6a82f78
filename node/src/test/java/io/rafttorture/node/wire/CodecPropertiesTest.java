package io.rafttorture.node.wire;

import io.rafttorture.node.kv.ClientRequest;
import io.rafttorture.node.kv.ClientResponse;
import io.rafttorture.node.raft.Entry;
import io.rafttorture.node.raft.Message;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every value survives encode, frame, read, decode unchanged. */
class CodecPropertiesTest {

    private static Frame throughStream(Frame frame) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        FrameWriter writer = new FrameWriter(bytes);
        writer.write(frame);
        writer.flush();
        return new FrameReader(new ByteArrayInputStream(bytes.toByteArray()), Frame.MAX_PEER_FRAME).read();
    }

    @Property(tries = 300)
    void messagesRoundTrip(@ForAll("messages") Message m) throws IOException {
        assertThat(Codec.decodeMessage(throughStream(Codec.encode(m)))).isEqualTo(m);
    }

    @Property(tries = 300)
    void clientRequestsRoundTrip(@ForAll("requests") ClientRequest q) throws IOException {
        assertThat(Codec.decodeClientRequest(throughStream(Codec.encode(q)))).isEqualTo(q);
    }

    @Property(tries = 300)
    void clientResponsesRoundTrip(@ForAll("responses") ClientResponse p) throws IOException {
        assertThat(Codec.decodeClientResponse(throughStream(Codec.encode(p)))).isEqualTo(p);
    }

    @Property(tries = 50)
    void handshakesRoundTrip(@ForAll("ids") int from, @ForAll("ids") int to) throws IOException {
        assertThat(Handshake.fromFrame(throughStream(new Handshake(from, to).toFrame()), to)).isEqualTo(new Handshake(from, to));
    }

    @Provide
    Arbitrary<Integer> ids() {
        return Arbitraries.integers().between(1, 8);
    }

    private static Arbitrary<Long> longs() {
        return Arbitraries.longs().between(0, Long.MAX_VALUE);
    }

    private static Arbitrary<String> strings() {
        return Arbitraries.strings().ofMaxLength(40).injectNull(0.2);
    }

    @Provide
    Arbitrary<Message> messages() {
        Arbitrary<Message> vote = Combinators.combine(ids(), ids(), longs(), longs(), longs())
                .as(Message.RequestVote::new);
        Arbitrary<Message> voteResp = Combinators.combine(ids(), ids(), longs(), longs(), Arbitraries.of(true, false))
                .as(Message.RequestVoteResponse::new);
        Arbitrary<long[]> indexesAndRound = Combinators.combine(longs(), longs(), longs(), longs())
                .as((matchIndex, conflictIndex, conflictTerm, round) -> new long[]{matchIndex, conflictIndex,
                        conflictTerm, round});
        Arbitrary<Message> appendResp = Combinators.combine(ids(), ids(), longs(), longs(), Arbitraries.of(true, false),
                indexesAndRound).as((from, to, term, requestTerm, success, n) ->
                new Message.AppendEntriesResponse(from, to, term, requestTerm, success, n[0], n[1], n[2], n[3]));
        return Arbitraries.oneOf(vote, voteResp, appendEntries(), appendResp);
    }

    private Arbitrary<Message> appendEntries() {
        Arbitrary<List<Entry>> entries = Combinators.combine(Arbitraries.longs().between(1, 1_000_000),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(30).list().ofMaxSize(8), longs()).as((first, datas, term) -> {
            List<Entry> out = new ArrayList<>();
            for (int i = 0; i < datas.size(); i++) out.add(new Entry(first + i, term, (byte) (i % 2), datas.get(i)));
            return out;
        });
        return Combinators.combine(ids(), ids(), longs(), longs(), longs(), entries, longs(), longs())
                .as(Message.AppendEntries::new);
    }

    @Provide
    Arbitrary<ClientRequest> requests() {
        return Combinators.combine(Arbitraries.longs(), longs(), Arbitraries.of(ClientRequest.Op.class), strings(),
                strings(), strings()).as(ClientRequest::new);
    }

    @Provide
    Arbitrary<ClientResponse> responses() {
        return Combinators.combine(Arbitraries.longs(), longs(), Arbitraries.of(ClientResponse.Status.class), strings(),
                Arbitraries.integers().between(0, 8), strings()).as(ClientResponse::new);
    }
}
