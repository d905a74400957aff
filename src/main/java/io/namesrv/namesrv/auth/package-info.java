/**
 * Request authentication as Apache's namesrv ACL does it: the access-key file and its watcher
 * (reloaded when it changes), the HMAC signature check, and the processor wrapper that answers
 * NO_PERMISSION before a guarded request reaches its processor.
 *
 * <p>May import: {@code remoting}, {@code common}. Not {@code namesrv} or the processors.
 */
package io.namesrv.namesrv.auth;
