package io.rafttorture.node.wire;

import java.nio.ByteBuffer;

/**
 * The first frame on every peer connection. Connections arrive through proxies, so the receiver learns who is
 * calling from here, never from the remote address. Body: u32 magic "RAFT", u16 version, u32 from, u32 to.
 */
public record Handshake(int from, int to) {
    public static final int MAGIC = 0x52414654; // "RAFT"
    public static final short VERSION = 1;

    public Frame toFrame() {
        ByteBuffer b = ByteBuffer.allocate(14).putInt(MAGIC).putShort(VERSION).putInt(from).putInt(to);
        return new Frame(FrameType.HANDSHAKE, b.array());
    }

    /** Decodes and checks a handshake frame; {@code expectedTo} is the receiving node's id. */
    public static Handshake fromFrame(Frame frame, int expectedTo) throws ProtocolException {
        if (frame.type() != FrameType.HANDSHAKE) {
            throw new ProtocolException(ProtocolException.Problem.UNEXPECTED_FRAME, "expected a handshake, got " + frame.type());
        }
        if (frame.body().length != 14) {
            throw new ProtocolException(ProtocolException.Problem.MALFORMED_BODY, "handshake of " + frame.body().length + " bytes");
        }
        ByteBuffer b = ByteBuffer.wrap(frame.body());
        int magic = b.getInt();
        if (magic != MAGIC) throw new ProtocolException(ProtocolException.Problem.BAD_MAGIC, "magic 0x" + Integer.toHexString(magic));
        short version = b.getShort();
        if (version != VERSION) throw new ProtocolException(ProtocolException.Problem.UNSUPPORTED_VERSION, "version " + version);
        Handshake h = new Handshake(b.getInt(), b.getInt());
        if (h.to != expectedTo) {
            throw new ProtocolException(ProtocolException.Problem.MALFORMED_BODY,
                    "handshake from node " + h.from + " addressed to node " + h.to + ", this is node " + expectedTo);
        }
        return h;
    }
}
