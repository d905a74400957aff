/**
 * TLS as Apache configures it: the {@code tls.*} settings, the server and client contexts, and the
 * first-byte sniffer that serves TLS and plain text side by side (permissive) or refuses one.
 *
 * <p>May import: {@code remoting}, {@code common}.
 */
package io.namesrv.remoting.netty.tls;
