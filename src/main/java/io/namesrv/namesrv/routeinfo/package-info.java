/**
 * The route table: {@code RouteInfoManager} (topics, broker groups, clusters, live brokers behind
 * one read-write lock), broker liveness and expiry, the housekeeping that turns closed channels
 * into removals, and the events a change reports (for metrics and logs).
 *
 * <p>May import: {@code protocol}, {@code remoting.netty} (channels), {@code common}. Knows no
 * processor, socket or clock other than the one it is given.
 */
package io.namesrv.namesrv.routeinfo;
