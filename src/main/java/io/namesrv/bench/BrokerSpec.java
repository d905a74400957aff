package io.namesrv.bench;

import java.util.List;

/** One simulated broker process: where it claims to live and the topics it serves. */
record BrokerSpec(String cluster, String brokerName, long brokerId, String addr, List<String> topics) {

    String haServerAddr() {
        int colon = addr.lastIndexOf(':');
        return addr.substring(0, colon + 1) + (Integer.parseInt(addr.substring(colon + 1)) + 1);
    }
}
