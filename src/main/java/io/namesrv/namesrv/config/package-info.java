/**
 * Configuration as operators write it: binding properties and {@code -c} files onto the config
 * beans by Apache's key names, printing them ({@code -p}), the keys tunable at runtime, and the
 * atomic file writes (temp file, fsync, rename) that persisted state shares.
 *
 * <p>May import: {@code remoting.protocol} and {@code common}.
 */
package io.namesrv.namesrv.config;
