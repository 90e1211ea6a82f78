package io.rafttorture.node.kv;

/**
 * A client's request. (clientId, seq) identifies it: the state machine applies a given pair at most once, so a
 * write retried after a timeout never applies twice. {@code value} is the written value (write) or the new value
 * (cas); {@code expected} is cas's old value. Keys and values are strings; absent = null.
 */
public record ClientRequest(long clientId, long seq, Op op, String key, String value, String expected) {
    public enum Op { READ, WRITE, CAS, STATUS }

    public static ClientRequest read(long clientId, long seq, String key) {
        return new ClientRequest(clientId, seq, Op.READ, key, null, null);
    }

    public static ClientRequest write(long clientId, long seq, String key, String value) {
        return new ClientRequest(clientId, seq, Op.WRITE, key, value, null);
    }

    public static ClientRequest cas(long clientId, long seq, String key, String expected, String value) {
        return new ClientRequest(clientId, seq, Op.CAS, key, value, expected);
    }

    public static ClientRequest status(long clientId, long seq) {
        return new ClientRequest(clientId, seq, Op.STATUS, null, null, null);
    }
}
