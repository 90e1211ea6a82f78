/**
 * The binary wire protocol over plain TCP: length-prefixed, checksummed frames ({@link io.rafttorture.node.wire.FrameReader},
 * {@link io.rafttorture.node.wire.FrameWriter}), the peer {@link io.rafttorture.node.wire.Handshake}, and
 * {@link io.rafttorture.node.wire.Codec} for the Raft messages and client requests/responses. Any malformation
 * raises a {@link io.rafttorture.node.wire.ProtocolException}, on which the connection is closed. Byte layouts:
 * node/PROTOCOL.md.
 */
package io.rafttorture.node.wire;
