/**
 * The conformance suite: real Apache 5.3.3 peers (broker, admin tool, clients) against our name
 * server, and where a suite states behaviour both servers must share, the same suite against
 * Apache's NameServer too (the {@code *ApacheTest} / {@code *OursTest} pairs). What passes
 * against Apache's server is the specification.
 */
package io.namesrv.interop;
