/**
 * The Netty server and client: the 1 + N + M1 + M2 reactor, the pipelines
 * ({@code ServerChannelInitializer}, {@code ClientChannelInitializer}) with their handlers
 * (connection limit, PROXY and TLS sniffing, codec, idle close, connection events,
 * back-pressure), and the dispatcher that routes each request to its processor and executor.
 *
 * <p>May import: {@code remoting}, {@code remoting.protocol}, {@code common}.
 */
package io.namesrv.remoting.netty;
