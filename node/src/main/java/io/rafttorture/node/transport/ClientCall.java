package io.rafttorture.node.transport;

import io.rafttorture.node.kv.ClientRequest;

/** A client request as it arrived, with the connection its answer goes back to. */
public record ClientCall(ClientRequest request, ClientConnection connection) {}
