/**
 * The remoting layer's root: its exceptions, named thread factories, throttled logging and address
 * helpers. {@code remoting.protocol} holds the frame and header codecs, {@code remoting.netty}
 * the server and client.
 *
 * <p>May import: {@code common} only. Knows nothing of brokers, topics or the name server.
 */
package io.namesrv.remoting;
