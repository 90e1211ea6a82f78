package io.rafttorture.node.raft;

/** A server's role (§5.1): at most one leader per term; followers are passive; candidates run elections. */
public enum Role { FOLLOWER, CANDIDATE, LEADER }
