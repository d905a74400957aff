package io.namesrv.namesrv.routeinfo;

/** A broker process as the live table knows it: its cluster and its address. */
public record BrokerAddrInfo(String clusterName, String brokerAddr) {
}
