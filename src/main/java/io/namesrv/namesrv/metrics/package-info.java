/**
 * What the server counts: per-code request latencies, broker registrations and removals, JVM and
 * route-table figures, written as Prometheus text; and the traffic log line per request.
 *
 * <p>May import: {@code namesrv.routeinfo} (table sizes and events), {@code namesrv.logging},
 * {@code remoting.netty}, {@code common}.
 */
package io.namesrv.namesrv.metrics;
