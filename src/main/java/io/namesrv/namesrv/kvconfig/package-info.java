/**
 * The KV configuration store (namespace, key, value) behind its own read-write lock, persisted
 * atomically on every change in Apache's {@code kvConfig.json} format.
 *
 * <p>May import: {@code namesrv.config} (atomic writes), {@code common}.
 */
package io.namesrv.namesrv.kvconfig;
