package io.rafttorture.node.wire;

/** One decoded frame: its type and body bytes (checksum already verified). */
public record Frame(FrameType type, byte[] body) {
    /** Largest frame a peer connection accepts (type + body bytes): 16 MiB. */
    public static final int MAX_PEER_FRAME = 16 << 20;
    /** Largest frame a client connection accepts: 64 KiB. */
    public static final int MAX_CLIENT_FRAME = 64 << 10;
}
