package io.namesrv.cli;

import io.namesrv.protocol.BrokerData;
import io.namesrv.protocol.ClusterInfo;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.RequestCode;
import io.namesrv.remoting.protocol.ResponseCode;
import java.util.HashMap;
import java.util.Map;

/** GET_BROKER_CLUSTER_INFO (106) from the first name server that answers. */
final class ClusterInfos {

    private ClusterInfos() {
    }

    static ClusterInfo fetch(CommandContext ctx) throws CliException, InterruptedException {
        AdminClient.Answer answer = ctx.client().callAnyNameServer(
            () -> RemotingCommand.request(RequestCode.GET_BROKER_CLUSTER_INFO, null));
        if (answer.response().getCode() != ResponseCode.SUCCESS) {
            throw AdminClient.refused(answer.addr(), "GET_BROKER_CLUSTER_INFO", answer.response());
        }
        ClusterInfo info = ctx.bodies().decode(answer.response().getBody(), ClusterInfo.class);
        return info == null ? new ClusterInfo(Map.of(), Map.of()) : info;
    }

    /** A broker group's addresses in the order Apache iterates them (a HashMap of ids). */
    static Map<Long, String> addrsInApacheOrder(BrokerData data) {
        return new HashMap<>(data.brokerAddrs() == null ? Map.of() : data.brokerAddrs());
    }

    /** The master's address, else any replica's (as Apache's BrokerData.selectBrokerAddr), else null. */
    static String selectAddr(BrokerData data) {
        Map<Long, String> addrs = addrsInApacheOrder(data);
        if (addrs.containsKey(0L)) {
            return addrs.get(0L);
        }
        return addrs.values().stream().findFirst().orElse(null);
    }
}
