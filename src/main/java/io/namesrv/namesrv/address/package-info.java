/**
 * The address service: RocketMQ clients and brokers given no name server address fetch
 * {@code http://<rocketmq.namesrv.domain>/rocketmq/<subgroup>} and use the {@code host:port;host:port}
 * it answers. Here that answer is this name server's advertised remoting address plus those of
 * its peers that answer right now, so name servers can be added and removed without touching a
 * single client or broker. {@link io.namesrv.namesrv.address.NameServerDirectory} composes the
 * answer (the HTTP endpoint serves it); {@link io.namesrv.namesrv.address.AdvertisedAddress}
 * decides what this server calls itself.
 *
 * <p>May import: {@code common}; imported by {@code namesrv.http} and {@code NamesrvController}.
 */
package io.namesrv.namesrv.address;
