package io.rafttorture.node.wire;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Reads a frame body written by {@link BodyWriter}; every shortfall or bad value is a {@link ProtocolException}. */
final class BodyReader {
    private final ByteBuffer buf;
    private final FrameType type;

    BodyReader(Frame frame) {
        this.buf = ByteBuffer.wrap(frame.body());
        this.type = frame.type();
    }

    private void need(int n, String field) throws ProtocolException {
        if (buf.remaining() < n) throw malformed("body ends inside " + field);
    }

    ProtocolException malformed(String detail) {
        return new ProtocolException(ProtocolException.Problem.MALFORMED_BODY, type + ": " + detail);
    }

    int u8(String field) throws ProtocolException {
        need(1, field);
        return buf.get() & 0xff;
    }

    int i32(String field) throws ProtocolException {
        need(4, field);
        return buf.getInt();
    }

    long i64(String field) throws ProtocolException {
        need(8, field);
        return buf.getLong();
    }

    boolean bool(String field) throws ProtocolException {
        int v = u8(field);
        if (v > 1) throw malformed(field + " is " + v + ", expected 0 or 1");
        return v == 1;
    }

    int remaining() {
        return buf.remaining();
    }

    byte[] bytes(String field) throws ProtocolException {
        int length = i32(field + " length");
        if (length < 0 || length > buf.remaining()) throw malformed(field + " length " + length + " exceeds the body");
        byte[] v = new byte[length];
        buf.get(v);
        return v;
    }

    String string(String field) throws ProtocolException {
        int length = i32(field + " length");
        if (length == -1) return null;
        if (length < 0 || length > buf.remaining()) throw malformed(field + " length " + length + " exceeds the body");
        ByteBuffer slice = buf.slice().limit(length);
        buf.position(buf.position() + length);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(slice).toString();
        } catch (CharacterCodingException e) {
            throw malformed(field + " is not valid UTF-8");
        }
    }

    /** Rejects trailing bytes, so a frame decodes to exactly one value. */
    void end() throws ProtocolException {
        if (buf.hasRemaining()) throw malformed(buf.remaining() + " trailing bytes");
    }
}
