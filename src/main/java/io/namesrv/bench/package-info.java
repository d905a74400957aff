/**
 * {@code bin/mqbench}: a simulated fleet, load phases with latency and server-CPU figures, and
 * the side-by-side runner against Apache's NameServer.
 *
 * <p>May import: {@code protocol}, {@code remoting}, {@code common}. Never {@code namesrv}: it
 * measures a server over the wire.
 */
package io.namesrv.bench;
