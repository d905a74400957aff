/**
 * The controller's replicated state as a pure state machine: {@link io.namesrv.controller.state.ControllerState}
 * (broker groups, replicas, epochs, in-sync sets, next ids), the {@link io.namesrv.controller.state.Command}s
 * that the Raft log carries, {@link io.namesrv.controller.state.StateMachine#apply} (state and
 * command in, next state and answer out), the {@link io.namesrv.controller.state.ElectPolicy} and
 * the versioned log and snapshot formats ({@link io.namesrv.controller.state.StateCodec}). Nothing
 * here knows about Raft, sockets or clocks.
 */
package io.namesrv.controller.state;
