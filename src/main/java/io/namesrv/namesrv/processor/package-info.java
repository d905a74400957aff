/**
 * The request processors: decode the custom header once, call the route table or KV store, encode
 * the answer. {@code DefaultRequestProcessor} for brokers and admin tools,
 * {@code ClientRequestProcessor} for route lookups (code 105, with the route cache and inline
 * answers), {@code ClusterTestRequestProcessor}. They hold no route state of their own.
 *
 * <p>May import: {@code namesrv.routeinfo}, {@code namesrv.kvconfig}, {@code namesrv.config},
 * {@code protocol}, {@code remoting}, {@code common}. Not {@code namesrv} itself.
 */
package io.namesrv.namesrv.processor;
