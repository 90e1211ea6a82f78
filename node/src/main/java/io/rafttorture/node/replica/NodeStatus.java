package io.rafttorture.node.replica;

import io.rafttorture.node.raft.Role;

/** A snapshot of one node's Raft state (Figure 2's names); {@code votedFor} and {@code leader} are 0 when none. */
public record NodeStatus(int id, Role role, long term, int votedFor, int leader, long commitIndex,
                         long lastApplied, long lastLogIndex, long lastLogTerm) {

    /** This status as one flat JSON object, e.g. {@code {"id":1,"role":"LEADER","term":3,...}}. */
    public String toJson() {
        return "{\"id\":" + id + ",\"role\":\"" + role + "\",\"term\":" + term + ",\"votedFor\":" + votedFor
                + ",\"leader\":" + leader + ",\"commitIndex\":" + commitIndex + ",\"lastApplied\":" + lastApplied
                + ",\"lastLogIndex\":" + lastLogIndex + ",\"lastLogTerm\":" + lastLogTerm + "}";
    }
}
