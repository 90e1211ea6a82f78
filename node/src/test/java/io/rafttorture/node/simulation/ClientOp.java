package io.rafttorture.node.simulation;

import io.rafttorture.node.kv.ClientRequest;
import io.rafttorture.node.kv.ClientResponse.Status;

/**
 * One simulated client operation, from its invocation to its final answer; it may be sent several times (to
 * several nodes) with the same (clientId, seq). Status null while outstanding; TIMEOUT when indeterminate.
 */
final class ClientOp {
    final ClientRequest request;
    final long invokeMs;
    int node; // of the latest attempt
    int attempts;
    boolean indeterminate; // some attempt may have taken effect unseen
    long completeMs = -1;
    Status status;
    String readValue;

    ClientOp(ClientRequest request, long invokeMs) {
        this.request = request;
        this.invokeMs = invokeMs;
    }

    boolean isOk() {
        return status == Status.OK;
    }

    boolean isWrite() {
        return request.op() != ClientRequest.Op.READ;
    }

    @Override
    public String toString() {
        ClientRequest r = request;
        String what = switch (r.op()) {
            case READ -> "read " + r.key() + " -> " + readValue;
            case WRITE -> "write " + r.key() + "=" + r.value();
            case CAS -> "cas " + r.key() + " " + r.expected() + "->" + r.value();
            case STATUS -> "status";
        };
        return "client " + r.clientId() + " seq " + r.seq() + " " + what + " at node " + node
                + (attempts > 1 ? " (attempt " + attempts + ")" : "") + " ["
                + invokeMs + ".." + completeMs + " ms] " + status;
    }
}
