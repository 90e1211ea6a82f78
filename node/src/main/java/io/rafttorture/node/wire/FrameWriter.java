package io.rafttorture.node.wire;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * Writes frames: u32 length (of type + body), u8 type, u32 CRC32C of those 5 header bytes, body, u32 CRC32C of
 * type + body. Buffered: call {@link #flush()} after a batch. Not thread-safe.
 */
public final class FrameWriter {
    private final OutputStream out;
    private final CRC32C crc = new CRC32C();

    public FrameWriter(OutputStream out) {
        this.out = new BufferedOutputStream(out, 64 << 10);
    }

    public void write(Frame frame) throws IOException {
        byte[] body = frame.body();
        ByteBuffer header = ByteBuffer.allocate(FrameReader.HEADER).putInt(1 + body.length).put((byte) frame.type().code());
        crc.reset();
        crc.update(header.array(), 0, 5);
        header.putInt((int) crc.getValue());
        crc.reset();
        crc.update(frame.type().code());
        crc.update(body);
        out.write(header.array());
        out.write(body);
        out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    public void flush() throws IOException {
        out.flush();
    }
}
