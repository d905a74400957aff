/**
 * Immutable value objects of the wire (TopicRouteData, BrokerData, QueueData, ClusterInfo,
 * DataVersion, RegisterBrokerBody, TopicConfig, KVTable, ...) and their JSON and compressed forms:
 * {@link io.namesrv.protocol.JsonBodies} (fastjson2, as lenient as Apache), the registration body
 * codec with its byte-level fast reader, and the compressed topic text.
 *
 * <p>May import: {@code remoting.protocol} (codes, {@code JsonByteCursor}) and {@code common}.
 * Knows nothing of the name server, its tables or its processors.
 */
package io.namesrv.protocol;
