package io.rafttorture.node.kv;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The binary form of a WRITE or CAS stored in a COMMAND log entry's data. Big-endian, in this order:
 * <pre>
 *   u8  version        always 1
 *   u8  op             1 = WRITE, 2 = CAS
 *   i64 clientId
 *   i64 seq
 *   str key            str = i32 byte length (-1 = null) followed by that many UTF-8 bytes
 *   str value          the written value (WRITE) or the new value (CAS)
 *   str expected       CAS's expected old value; null for WRITE
 * </pre>
 * Decoding rejects anything else with an {@link IllegalArgumentException} naming the offending byte offset.
 */
public final class Command {
    public static final byte VERSION = 1;
    public static final byte OP_WRITE = 1;
    public static final byte OP_CAS = 2;

    private Command() {
    }

    /** Encodes a WRITE or CAS request; other ops are not log commands. */
    public static byte[] encode(ClientRequest r) {
        byte op = switch (r.op()) {
            case WRITE -> OP_WRITE;
            case CAS -> OP_CAS;
            default -> throw new IllegalArgumentException("only WRITE and CAS go through the log, got " + r.op());
        };
        byte[] key = utf8(r.key());
        byte[] value = utf8(r.value());
        byte[] expected = utf8(r.expected());
        ByteBuffer buf = ByteBuffer.allocate(2 + 16 + 12 + len(key) + len(value) + len(expected));
        buf.put(VERSION).put(op).putLong(r.clientId()).putLong(r.seq());
        putString(buf, key);
        putString(buf, value);
        putString(buf, expected);
        return buf.array();
    }

    /** Decodes {@link #encode}'s output back into the request. */
    public static ClientRequest decode(byte[] data) {
        ByteBuffer buf = ByteBuffer.wrap(data);
        try {
            byte version = buf.get();
            if (version != VERSION) throw bad(0, "unknown command version " + version);
            byte op = buf.get();
            if (op != OP_WRITE && op != OP_CAS) throw bad(1, "unknown command op " + op);
            long clientId = buf.getLong();
            long seq = buf.getLong();
            String key = getString(buf);
            String value = getString(buf);
            String expected = getString(buf);
            if (buf.hasRemaining()) throw bad(buf.position(), buf.remaining() + " trailing bytes");
            return new ClientRequest(clientId, seq, op == OP_WRITE ? ClientRequest.Op.WRITE : ClientRequest.Op.CAS,
                    key, value, expected);
        } catch (BufferUnderflowException e) {
            throw bad(buf.position(), "command truncated (" + data.length + " bytes)");
        }
    }

    private static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    private static int len(byte[] b) {
        return b == null ? 0 : b.length;
    }

    private static void putString(ByteBuffer buf, byte[] b) {
        buf.putInt(b == null ? -1 : b.length);
        if (b != null) buf.put(b);
    }

    private static String getString(ByteBuffer buf) {
        int at = buf.position();
        int n = buf.getInt();
        if (n == -1) return null;
        if (n < 0 || n > buf.remaining()) throw bad(at, "string length " + n + " exceeds the remaining bytes");
        byte[] b = new byte[n];
        buf.get(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static IllegalArgumentException bad(int offset, String what) {
        return new IllegalArgumentException("bad command at byte " + offset + ": " + what);
    }
}
