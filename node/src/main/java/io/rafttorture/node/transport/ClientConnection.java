package io.rafttorture.node.transport;

import io.rafttorture.node.kv.ClientResponse;

/** Where the answer to a client request goes: the connection it arrived on. */
public interface ClientConnection {
    /** Queues {@code response} for writing; never blocks. Dropped if the connection is closed or its queue full. */
    void reply(ClientResponse response);

    /** False once the connection has closed; a reply to it is then dropped. */
    boolean isOpen();
}
