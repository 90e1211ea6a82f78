package io.rafttorture.node.wire;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Builds a frame body, big-endian. Strings are i32 byte length (-1 = null) then UTF-8. */
final class BodyWriter {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
    private final DataOutputStream out = new DataOutputStream(bytes);

    BodyWriter u8(int v) {
        return run(() -> out.writeByte(v));
    }

    BodyWriter i32(int v) {
        return run(() -> out.writeInt(v));
    }

    BodyWriter i64(long v) {
        return run(() -> out.writeLong(v));
    }

    BodyWriter bool(boolean v) {
        return u8(v ? 1 : 0);
    }

    BodyWriter bytes(byte[] v) {
        return run(() -> {
            out.writeInt(v.length);
            out.write(v);
        });
    }

    BodyWriter string(String v) {
        if (v == null) return i32(-1);
        return bytes(v.getBytes(StandardCharsets.UTF_8));
    }

    Frame toFrame(FrameType type) {
        return new Frame(type, bytes.toByteArray());
    }

    private interface Write {
        void run() throws IOException;
    }

    private BodyWriter run(Write w) {
        try {
            w.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream never fails
        }
        return this;
    }
}
