package io.rafttorture.node.wire;

import io.rafttorture.node.kv.ClientRequest;
import io.rafttorture.node.kv.ClientResponse;
import io.rafttorture.node.raft.Entry;
import io.rafttorture.node.raft.Message;

import java.util.ArrayList;
import java.util.List;

/**
 * Encodes the four Raft {@link Message}s, {@link ClientRequest} and {@link ClientResponse} as frame bodies and
 * back. Decoding validates every length and enum code and throws {@link ProtocolException} on any defect.
 * Layouts are in node/PROTOCOL.md. Stateless and thread-safe.
 */
public final class Codec {
    private static final int MIN_ENTRY_BYTES = 8 + 8 + 1 + 4;

    private Codec() {}

    public static Frame encode(Message m) {
        BodyWriter w = new BodyWriter().i32(m.from()).i32(m.to()).i64(m.term());
        if (m instanceof Message.RequestVote v) {
            return w.i64(v.lastLogIndex()).i64(v.lastLogTerm()).toFrame(FrameType.REQUEST_VOTE);
        } else if (m instanceof Message.RequestVoteResponse v) {
            return w.i64(v.requestTerm()).bool(v.granted()).toFrame(FrameType.REQUEST_VOTE_RESPONSE);
        } else if (m instanceof Message.AppendEntries a) {
            w.i64(a.prevLogIndex()).i64(a.prevLogTerm()).i64(a.leaderCommit()).i64(a.round()).i32(a.entries().size());
            for (Entry e : a.entries()) w.i64(e.index()).i64(e.term()).u8(e.kind()).bytes(e.data());
            return w.toFrame(FrameType.APPEND_ENTRIES);
        } else if (m instanceof Message.AppendEntriesResponse r) {
            return w.i64(r.requestTerm()).bool(r.success()).i64(r.matchIndex()).i64(r.conflictIndex())
                    .i64(r.conflictTerm()).i64(r.round()).toFrame(FrameType.APPEND_ENTRIES_RESPONSE);
        }
        throw new IllegalArgumentException("unknown message " + m);
    }

    /** Decodes a peer message frame. */
    public static Message decodeMessage(Frame frame) throws ProtocolException {
        BodyReader r = new BodyReader(frame);
        int from = r.i32("from");
        int to = r.i32("to");
        long term = r.i64("term");
        Message m = switch (frame.type()) {
            case REQUEST_VOTE -> new Message.RequestVote(from, to, term, r.i64("lastLogIndex"), r.i64("lastLogTerm"));
            case REQUEST_VOTE_RESPONSE -> new Message.RequestVoteResponse(from, to, term, r.i64("requestTerm"),
                    r.bool("granted"));
            case APPEND_ENTRIES -> decodeAppendEntries(r, from, to, term);
            case APPEND_ENTRIES_RESPONSE -> new Message.AppendEntriesResponse(from, to, term, r.i64("requestTerm"),
                    r.bool("success"), r.i64("matchIndex"), r.i64("conflictIndex"), r.i64("conflictTerm"),
                    r.i64("round"));
            default -> throw new ProtocolException(ProtocolException.Problem.UNEXPECTED_FRAME,
                    frame.type() + " on a peer connection");
        };
        r.end();
        return m;
    }

    private static Message decodeAppendEntries(BodyReader r, int from, int to, long term) throws ProtocolException {
        long prevLogIndex = r.i64("prevLogIndex");
        long prevLogTerm = r.i64("prevLogTerm");
        long leaderCommit = r.i64("leaderCommit");
        long round = r.i64("round");
        int count = r.i32("entry count");
        if (count < 0 || (long) count * MIN_ENTRY_BYTES > r.remaining()) throw r.malformed("entry count " + count + " exceeds the body");
        List<Entry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long index = r.i64("entry index");
            long entryTerm = r.i64("entry term");
            byte kind = (byte) r.u8("entry kind");
            byte[] data = r.bytes("entry data");
            if (index < 1) throw r.malformed("entry index " + index);
            entries.add(new Entry(index, entryTerm, kind, data));
        }
        return new Message.AppendEntries(from, to, term, prevLogIndex, prevLogTerm, entries, leaderCommit, round);
    }

    public static Frame encode(ClientRequest q) {
        return new BodyWriter().i64(q.clientId()).i64(q.seq()).u8(opCode(q.op())).string(q.key()).string(q.value())
                .string(q.expected()).toFrame(FrameType.CLIENT_REQUEST);
    }

    public static ClientRequest decodeClientRequest(Frame frame) throws ProtocolException {
        expect(frame, FrameType.CLIENT_REQUEST);
        BodyReader r = new BodyReader(frame);
        long clientId = r.i64("clientId");
        long seq = r.i64("seq");
        int code = r.u8("op");
        if (code < 1 || code > ClientRequest.Op.values().length) throw r.malformed("unknown op code " + code);
        ClientRequest q = new ClientRequest(clientId, seq, ClientRequest.Op.values()[code - 1], r.string("key"),
                r.string("value"), r.string("expected"));
        r.end();
        return q;
    }

    public static Frame encode(ClientResponse p) {
        return new BodyWriter().i64(p.clientId()).i64(p.seq()).u8(p.status().ordinal()).string(p.value())
                .i32(p.leader()).string(p.message()).toFrame(FrameType.CLIENT_RESPONSE);
    }

    public static ClientResponse decodeClientResponse(Frame frame) throws ProtocolException {
        expect(frame, FrameType.CLIENT_RESPONSE);
        BodyReader r = new BodyReader(frame);
        long clientId = r.i64("clientId");
        long seq = r.i64("seq");
        int code = r.u8("status");
        if (code >= ClientResponse.Status.values().length) throw r.malformed("unknown status code " + code);
        ClientResponse p = new ClientResponse(clientId, seq, ClientResponse.Status.values()[code], r.string("value"),
                r.i32("leader"), r.string("message"));
        r.end();
        return p;
    }

    /** Op codes are 1-based declaration order: READ 1, WRITE 2, CAS 3, STATUS 4 (PROTOCOL.md pins them). */
    private static int opCode(ClientRequest.Op op) {
        return op.ordinal() + 1;
    }

    private static void expect(Frame frame, FrameType type) throws ProtocolException {
        if (frame.type() != type) {
            throw new ProtocolException(ProtocolException.Problem.UNEXPECTED_FRAME, "expected " + type + ", got " + frame.type());
        }
    }
}
