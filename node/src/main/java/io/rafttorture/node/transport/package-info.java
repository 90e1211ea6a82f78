/**
 * Plain-socket networking for one node, one thread per connection with blocking I/O:
 * {@link io.rafttorture.node.transport.PeerTransport} keeps one outbound connection per peer (reconnecting with
 * exponential backoff, a bounded queue that drops the oldest message when full) and accepts inbound peer
 * connections identified by their handshake; {@link io.rafttorture.node.transport.ClientListener} serves client
 * connections. A written frame is never assumed delivered: Raft retries what matters. Protocol errors close only
 * the offending connection and are reported as events.
 */
package io.rafttorture.node.transport;
