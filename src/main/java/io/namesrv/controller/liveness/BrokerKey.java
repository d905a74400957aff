package io.namesrv.controller.liveness;

/** One broker as the controller tells brokers apart: cluster, group and controller-assigned id. */
public record BrokerKey(String clusterName, String brokerName, long brokerId) {
}
