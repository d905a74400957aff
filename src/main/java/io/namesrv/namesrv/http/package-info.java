/**
 * The operations HTTP endpoint: /health, /ready, /metrics and the status page, on its own port
 * and threads, read-only, so that a busy request path never slows it and it never writes state.
 *
 * <p>May import: {@code namesrv.routeinfo}, {@code namesrv.metrics}, {@code namesrv.lifecycle},
 * {@code protocol}, {@code remoting}, {@code common}.
 */
package io.namesrv.namesrv.http;
