package io.namesrv.namesrv.routeinfo;

import io.namesrv.protocol.DataVersion;
import io.namesrv.protocol.QueueData;
import io.namesrv.protocol.TopicQueueMappingInfo;
import java.util.List;
import java.util.Map;

/**
 * The route table as broker groups, each with its members, queues and static-topic mappings:
 * what {@link RouteInfoManager#image()} copies out (and {@link RouteInfoManager#groupImage} one
 * group at a time, for the snapshot), and what {@link RouteInfoManager#mergeProvisional} takes in
 * from a snapshot or a peer name server.
 */
public record RouteImage(List<Group> groups) {

    public RouteImage {
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    /** The number of member processes in all groups. */
    public int memberCount() {
        return groups.stream().mapToInt(g -> g.members().size()).sum();
    }

    /**
     * One broker name: its cluster, zone and acting-master flag, its members, and per topic its
     * queue data ({@code brokerName} of each is the group's) and mapping, if any.
     */
    public record Group(String cluster, String brokerName, String zoneName, boolean enableActingMaster,
                        List<Member> members, Map<String, QueueData> queues,
                        Map<String, TopicQueueMappingInfo> mappings) {

        public Group {
            members = members == null ? List.of() : List.copyOf(members);
            queues = queues == null ? Map.of() : Map.copyOf(queues);
            mappings = mappings == null ? Map.of() : Map.copyOf(mappings);
        }

        /** The same group with other members. */
        public Group withMembers(List<Member> newMembers) {
            return new Group(cluster, brokerName, zoneName, enableActingMaster, newMembers, queues, mappings);
        }
    }

    /**
     * One broker process. {@code lastUpdateTimestamp} is when it was last heard from (for a merge:
     * the time its provisional life is counted from); {@code origin} is how the table knew it when
     * the image was taken.
     */
    public record Member(long brokerId, String addr, String haServerAddr, long heartbeatTimeoutMillis,
                         DataVersion dataVersion, List<String> filterServers, BrokerOrigin origin,
                         long lastUpdateTimestamp) {

        public Member {
            filterServers = filterServers == null ? null : List.copyOf(filterServers);
        }

        /** The same member, counted as heard from at {@code timestamp}. */
        public Member heardAt(long timestamp) {
            return new Member(brokerId, addr, haServerAddr, heartbeatTimeoutMillis, dataVersion, filterServers, origin,
                timestamp);
        }
    }
}
