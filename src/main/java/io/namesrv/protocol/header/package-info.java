/**
 * The custom request and response headers of the name-server codes, one record each, with the
 * mapping to and from {@code extFields} that Apache 5.3.3 uses (names, nulls, defaults).
 *
 * <p>May import: {@code remoting.protocol} only.
 */
package io.namesrv.protocol.header;
