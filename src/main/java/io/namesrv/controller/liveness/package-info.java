/**
 * Broker liveness as the controller sees it: heartbeats (904) received directly or forwarded by
 * peer controllers, connection loss, expiry. Volatile and per node; never in the Raft log.
 */
package io.namesrv.controller.liveness;
