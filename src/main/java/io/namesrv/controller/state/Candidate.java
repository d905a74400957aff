package io.namesrv.controller.state;

/**
 * What the leader heard last from a live broker, as an election weighs it: its log epoch and
 * max offset (both only move forward) and its election priority (lower wins).
 */
public record Candidate(long brokerId, int epoch, long maxOffset, int electionPriority) {
}
