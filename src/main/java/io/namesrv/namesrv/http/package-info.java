/**
 * The operations HTTP endpoint: /health, /ready, /metrics, /routes, /cluster, the status
 * console (its page and the data it draws from {@code namesrv.console}) and the address service
 * (/rocketmq/{subgroup}, from {@code namesrv.address}), on its own port and threads, read-only,
 * so that a busy request path never slows it and it never writes state.
 *
 * <p>May import: {@code namesrv.address}, {@code namesrv.console}, {@code namesrv.routeinfo}, {@code namesrv.metrics},
 * {@code namesrv.lifecycle}, {@code protocol}, {@code remoting}, {@code common}.
 */
package io.namesrv.namesrv.http;
