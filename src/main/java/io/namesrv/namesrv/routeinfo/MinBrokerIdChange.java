package io.namesrv.namesrv.routeinfo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The smallest broker id of a group changed in a way Apache's name server announces with
 * NOTIFY_MIN_BROKER_ID_CHANGE (905): what to tell ({@code minBrokerId}, {@code minBrokerAddr},
 * and {@code offlineBrokerAddr} after a removal or {@code haBrokerAddr} after a registration) and
 * whom ({@code targets}, chosen as Apache chooses them). Worked out under the route table's lock,
 * from a copy of the group's members; sending it is someone else's job, after the lock.
 */
public record MinBrokerIdChange(String brokerName, long minBrokerId, String minBrokerAddr, String offlineBrokerAddr,
                                String haBrokerAddr, List<String> targets) {

    public MinBrokerIdChange {
        targets = List.copyOf(targets);
    }

    /**
     * A registration lowered the group's smallest id: every member but the new minimum hears of
     * it ("notify the previous brokers"), or the new minimum itself when it is alone.
     */
    static MinBrokerIdChange registered(String brokerName, Map<Long, String> members, String haBrokerAddr) {
        return of(brokerName, members, null, haBrokerAddr);
    }

    /** The group's smallest id left (unregistered, connection closed, expired): every remaining member hears of it. */
    static MinBrokerIdChange removed(String brokerName, Map<Long, String> members, String offlineBrokerAddr) {
        return of(brokerName, members, offlineBrokerAddr, null);
    }

    private static MinBrokerIdChange of(String brokerName, Map<Long, String> members, String offlineBrokerAddr,
                                        String haBrokerAddr) {
        long minId = Collections.min(members.keySet());
        List<String> targets = new ArrayList<>(members.size());
        for (Map.Entry<Long, String> member : members.entrySet()) {
            if (offlineBrokerAddr != null || members.size() == 1 || member.getKey() != minId) {
                targets.add(member.getValue());
            }
        }
        return new MinBrokerIdChange(brokerName, minId, members.get(minId), offlineBrokerAddr, haBrokerAddr, targets);
    }
}
