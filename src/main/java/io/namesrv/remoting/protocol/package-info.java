/**
 * The wire format: {@code RemotingCommand}, request and response codes, both header codecs (JSON
 * with its fast reader, and RocketMQ's binary one), and {@code JsonByteCursor}, the token primitives
 * the fast JSON readers share.
 *
 * <p>May import: {@code remoting}, {@code common}.
 */
package io.namesrv.remoting.protocol;
