package io.rafttorture.node.wire;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * Reads frames written by {@link FrameWriter}. The header has its own checksum, verified before the length is
 * trusted: a stream that lost bytes (a proxy dropping data mid-frame) fails at once instead of waiting for
 * megabytes of a length read from the middle of a message. Lengths above {@code maxFrameBytes} are refused before
 * anything is allocated. Not thread-safe.
 */
public final class FrameReader {
    /** u32 length, u8 type, u32 header checksum. */
    static final int HEADER = 9;

    private final DataInputStream in;
    private final int maxFrameBytes;
    private final CRC32C crc = new CRC32C();
    private final byte[] header = new byte[HEADER];

    public FrameReader(InputStream in, int maxFrameBytes) {
        this.in = new DataInputStream(new BufferedInputStream(in, 64 << 10));
        this.maxFrameBytes = maxFrameBytes;
    }

    /**
     * Blocks for the next frame.
     *
     * @throws EOFException if the stream ends (cleanly between frames or torn inside one)
     * @throws ProtocolException if a checksum fails, the frame is oversized or of unknown type
     */
    public Frame read() throws IOException {
        in.readFully(header);
        ByteBuffer h = ByteBuffer.wrap(header);
        int length = h.getInt();
        int code = h.get() & 0xff;
        crc.reset();
        crc.update(header, 0, 5);
        if ((int) crc.getValue() != h.getInt()) {
            throw new ProtocolException(ProtocolException.Problem.BAD_CHECKSUM, "frame header (stream out of step?)");
        }
        if (length < 1 || length > maxFrameBytes) {
            throw new ProtocolException(ProtocolException.Problem.OVERSIZED_FRAME,
                    "frame length " + Integer.toUnsignedString(length) + " outside 1.." + maxFrameBytes);
        }
        FrameType type = FrameType.fromCode(code);
        byte[] body = new byte[length - 1];
        in.readFully(body);
        int expected = in.readInt();
        crc.reset();
        crc.update(code);
        crc.update(body);
        if ((int) crc.getValue() != expected) {
            throw new ProtocolException(ProtocolException.Problem.BAD_CHECKSUM, "body of a " + type + " frame");
        }
        return new Frame(type, body);
    }
}
