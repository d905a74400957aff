/**
 * What the tests share: child JVMs for Apache's and our processes (bounded, reaped, logs kept
 * under target/peers), free loopback ports, test certificates, and {@code Await}, the one bounded
 * wait for conditions that settle asynchronously.
 */
package io.namesrv.interop.support;
