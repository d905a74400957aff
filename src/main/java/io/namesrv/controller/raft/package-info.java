/**
 * The controller's consensus on sofa-jraft: the Raft node of one controller, and the jRaft state
 * machine adapter that feeds committed entries to {@link io.namesrv.controller.state.StateMachine}
 * and saves and loads its snapshots.
 */
package io.namesrv.controller.raft;
