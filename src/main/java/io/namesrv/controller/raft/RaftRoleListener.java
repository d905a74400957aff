package io.namesrv.controller.raft;

/** Told when this node's Raft role changes (on jRaft's state-machine thread: return quickly). */
public interface RaftRoleListener {

    void onBecameLeader(long term);

    void onLostLeadership();
}
