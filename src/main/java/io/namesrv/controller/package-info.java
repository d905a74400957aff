/**
 * The embedded controller ({@code enableControllerInNamesrv=true}): automatic master failover for
 * RocketMQ 5 brokers in controller mode, on its own port, consensus from sofa-jraft. Its state
 * machine is in {@code controller.state}, Raft in {@code controller.raft}, broker liveness in
 * {@code controller.liveness}. It shares the process, the config file and /metrics with the name
 * server and nothing else.
 *
 * <p>May import: {@code protocol}, {@code remoting}, {@code common} and sofa-jraft. Never
 * {@code namesrv}: the name server starts the controller, not the other way round.
 */
package io.namesrv.controller;
