package io.namesrv.controller;

import static io.namesrv.protocol.controller.ControllerCodes.FIRST_BROKER_ID;

import io.namesrv.controller.liveness.BrokerKey;
import io.namesrv.controller.liveness.BrokerLiveness;
import io.namesrv.controller.raft.ControllerRaftNode;
import io.namesrv.controller.raft.NotLeaderException;
import io.namesrv.controller.state.BrokerGroup;
import io.namesrv.controller.state.Command;
import io.namesrv.controller.state.ControllerState;
import io.namesrv.controller.state.Outcome;
import io.namesrv.protocol.JsonBodies;
import io.namesrv.protocol.MalformedBodyException;
import io.namesrv.protocol.controller.AlterSyncStateSetRequestHeader;
import io.namesrv.protocol.controller.ApplyBrokerIdRequestHeader;
import io.namesrv.protocol.controller.BrokerReplicasInfo;
import io.namesrv.protocol.controller.CleanControllerBrokerDataRequestHeader;
import io.namesrv.protocol.controller.ControllerCodes;
import io.namesrv.protocol.controller.ElectMasterRequestHeader;
import io.namesrv.protocol.controller.GetMetaDataResponseHeader;
import io.namesrv.protocol.controller.GetNextBrokerIdRequestHeader;
import io.namesrv.protocol.controller.GetNextBrokerIdResponseHeader;
import io.namesrv.protocol.controller.GetReplicaInfoRequestHeader;
import io.namesrv.protocol.controller.GetReplicaInfoResponseHeader;
import io.namesrv.protocol.controller.RegisterBrokerToControllerRequestHeader;
import io.namesrv.protocol.controller.SyncStateSet;
import io.namesrv.protocol.header.BrokerHeartbeatRequestHeader;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.ResponseCode;
import io.netty.channel.Channel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The controller port's requests (spec §C.2). Heartbeats (904), metadata (1005) and the config
 * pair (1009/1010) are answered by any node; everything else needs the Raft leader and gets
 * CONTROLLER_NOT_LEADER (2007) elsewhere. Writes go through the Raft log; reads confirm
 * leadership first (read index). A request waits at most {@value #WAIT_MILLIS} ms for Raft, as
 * Apache's does, then gets SYSTEM_ERROR.
 */
final class ControllerRequestProcessor implements io.namesrv.remoting.netty.NettyRequestProcessor {

    static final long WAIT_MILLIS = 5_000;
    static final String NOT_LEADER_REMARK = "The controller is not in leader state";

    private final ControllerRaftNode raft;
    private final BrokerLiveness liveness;
    private final Proposer proposer;
    private final HeartbeatForwarder forwarder;
    private final ControllerConfig config;
    private final RuntimeConfig runtimeConfig;
    private final JsonBodies json = new JsonBodies();

    ControllerRequestProcessor(ControllerRaftNode raft, BrokerLiveness liveness, Proposer proposer,
                               HeartbeatForwarder forwarder, ControllerConfig config, RuntimeConfig runtimeConfig) {
        this.raft = raft;
        this.liveness = liveness;
        this.proposer = proposer;
        this.forwarder = forwarder;
        this.config = config;
        this.runtimeConfig = runtimeConfig;
    }

    @Override
    public RemotingCommand processRequest(Channel channel, RemotingCommand request) throws Exception {
        try {
            return switch (request.getCode()) {
                case io.namesrv.remoting.protocol.RequestCode.BROKER_HEARTBEAT -> heartbeat(channel, request);
                case ControllerCodes.GET_METADATA_INFO -> metadata();
                case ControllerCodes.GET_CONTROLLER_CONFIG -> getConfig();
                case ControllerCodes.UPDATE_CONTROLLER_CONFIG -> updateConfig(request);
                case ControllerCodes.APPLY_BROKER_ID -> applyBrokerId(request);
                case ControllerCodes.REGISTER_BROKER -> registerBroker(request);
                case ControllerCodes.ELECT_MASTER -> electMaster(request);
                case ControllerCodes.ALTER_SYNC_STATE_SET -> alterSyncStateSet(request);
                case ControllerCodes.CLEAN_BROKER_DATA -> cleanBrokerData(request);
                case ControllerCodes.GET_NEXT_BROKER_ID -> nextBrokerId(request);
                case ControllerCodes.GET_REPLICA_INFO -> replicaInfo(request);
                case ControllerCodes.GET_SYNC_STATE_DATA -> syncStateData(request);
                default -> RemotingCommand.response(ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                    " request type " + request.getCode() + " not supported");
            };
        } catch (NotLeaderException e) {
            return RemotingCommand.response(ControllerCodes.NOT_LEADER, NOT_LEADER_REMARK);
        } catch (TimeoutException e) {
            return RemotingCommand.response(ResponseCode.SYSTEM_ERROR,
                "the controller did not commit the request within " + WAIT_MILLIS + " ms");
        } catch (MalformedBodyException e) {
            return RemotingCommand.response(ResponseCode.SYSTEM_ERROR, e.getMessage());
        }
    }

    private RemotingCommand heartbeat(Channel channel, RemotingCommand request) {
        BrokerHeartbeatRequestHeader h = request.decodeHeader(BrokerHeartbeatRequestHeader::decode);
        if (h.brokerId() == null) {
            return RemotingCommand.response(ControllerCodes.INVALID_REQUEST, "Heart beat with empty brokerId");
        }
        boolean forwarded = HeartbeatForwarder.isForwarded(request);
        BrokerKey key = new BrokerKey(String.valueOf(h.clusterName()), String.valueOf(h.brokerName()), h.brokerId());
        liveness.onHeartbeat(key, h.brokerAddr(), h.heartbeatTimeoutMills(), h.epoch(), h.maxOffset(), h.confirmOffset(),
            h.electionPriority(), forwarded ? null : channel);
        if (!forwarded) {
            forwarder.forward(request);
        }
        return RemotingCommand.response(ResponseCode.SUCCESS, "Heart beat success");
    }

    private RemotingCommand metadata() {
        String leader = raft.leaderRaftAddress();
        GetMetaDataResponseHeader header = new GetMetaDataResponseHeader(config.getjRaftGroupId(), leader,
            raft.leaderControllerAddress(), proposer.isLeader(), raft.peersDescription());
        return RemotingCommand.response(ResponseCode.SUCCESS, null, header);
    }

    private RemotingCommand getConfig() {
        RemotingCommand response = RemotingCommand.response(ResponseCode.SUCCESS, null);
        response.setBody(runtimeConfig.dump().getBytes(StandardCharsets.UTF_8));
        return response;
    }

    private RemotingCommand updateConfig(RemotingCommand request) {
        RuntimeConfig.Update update = runtimeConfig.update(request.getBody());
        return RemotingCommand.response(update.code(), update.remark());
    }

    private RemotingCommand applyBrokerId(RemotingCommand request) throws Exception {
        ApplyBrokerIdRequestHeader h = request.decodeHeader(ApplyBrokerIdRequestHeader::decode);
        if (h.brokerName() == null || h.appliedBrokerId() == null) {
            return invalid("brokerName and appliedBrokerId are required");
        }
        return answer(propose(new Command.ApplyBrokerId(h.clusterName(), h.brokerName(), h.appliedBrokerId(),
            h.registerCheckCode())));
    }

    private RemotingCommand registerBroker(RemotingCommand request) throws Exception {
        RegisterBrokerToControllerRequestHeader h = request.decodeHeader(RegisterBrokerToControllerRequestHeader::decode);
        if (h.brokerName() == null || h.brokerId() == null) {
            return invalid("brokerName and brokerId are required");
        }
        return answer(propose(new Command.RegisterBroker(h.clusterName(), h.brokerName(), h.brokerId(),
            h.brokerAddress(), aliveIds(h.brokerName()))));
    }

    private RemotingCommand electMaster(RemotingCommand request) throws Exception {
        ElectMasterRequestHeader h = request.decodeHeader(ElectMasterRequestHeader::decode);
        if (h.brokerName() == null) {
            return invalid("brokerName is required");
        }
        String cluster = clusterOf(h.brokerName(), h.clusterName());
        return answer(propose(new Command.ElectMaster(cluster, h.brokerName(), h.brokerId(),
            Boolean.TRUE.equals(h.designateElect()), config.isEnableElectUncleanMaster(),
            liveness.candidates(String.valueOf(cluster), h.brokerName()))));
    }

    private RemotingCommand alterSyncStateSet(RemotingCommand request) throws Exception {
        AlterSyncStateSetRequestHeader h = request.decodeHeader(AlterSyncStateSetRequestHeader::decode);
        SyncStateSet body = json.decode(request.getBody(), SyncStateSet.class);
        if (h.brokerName() == null || body == null) {
            return invalid("brokerName and a SyncStateSet body are required");
        }
        Set<Long> newSet = body.syncStateSet() == null ? Set.of() : new TreeSet<>(body.syncStateSet());
        return answer(propose(new Command.AlterSyncStateSet(h.brokerName(), h.masterBrokerId(), h.masterEpoch(), newSet,
            body.syncStateSetEpoch(), aliveIds(h.brokerName()))));
    }

    private RemotingCommand cleanBrokerData(RemotingCommand request) throws Exception {
        CleanControllerBrokerDataRequestHeader h = request.decodeHeader(CleanControllerBrokerDataRequestHeader::decode);
        if (h.brokerName() == null) {
            return invalid("brokerName is required");
        }
        Set<Long> ids = null;
        if (h.brokerControllerIdsToClean() != null && !h.brokerControllerIdsToClean().isBlank()) {
            ids = new TreeSet<>();
            for (String id : h.brokerControllerIdsToClean().split(";")) {
                if (!id.isBlank()) {
                    try {
                        ids.add(Long.parseLong(id.trim()));
                    } catch (NumberFormatException e) {
                        return RemotingCommand.response(ControllerCodes.INVALID_CLEAN_BROKER_METADATA,
                            "not a broker id: " + id.trim());
                    }
                }
            }
        }
        String cluster = clusterOf(h.brokerName(), h.clusterName());
        Outcome outcome = propose(new Command.CleanBrokerData(cluster, h.brokerName(), ids,
            Boolean.TRUE.equals(h.isCleanLivingBroker()), aliveIds(h.brokerName())));
        if (outcome.isSuccess()) {
            liveness.forget(String.valueOf(cluster), h.brokerName(), ids);
        }
        return answer(outcome);
    }

    private RemotingCommand nextBrokerId(RemotingCommand request) throws Exception {
        GetNextBrokerIdRequestHeader h = request.decodeHeader(GetNextBrokerIdRequestHeader::decode);
        BrokerGroup group = read().group(h.brokerName());
        long next = group == null ? FIRST_BROKER_ID : group.nextAssignBrokerId();
        return RemotingCommand.response(ResponseCode.SUCCESS, null,
            new GetNextBrokerIdResponseHeader(h.clusterName(), h.brokerName(), next));
    }

    private RemotingCommand replicaInfo(RemotingCommand request) throws Exception {
        GetReplicaInfoRequestHeader h = request.decodeHeader(GetReplicaInfoRequestHeader::decode);
        BrokerGroup group = read().group(h.brokerName());
        if (group == null) {
            return RemotingCommand.response(ControllerCodes.BROKER_METADATA_NOT_EXIST, "Broker metadata is not existed");
        }
        RemotingCommand response = RemotingCommand.response(ResponseCode.SUCCESS, null,
            new GetReplicaInfoResponseHeader(group.masterBrokerId(), group.masterAddress(), group.masterEpoch()));
        response.setBody(json.encode(new SyncStateSet(group.syncStateSet(), group.syncStateSetEpoch())));
        return response;
    }

    private RemotingCommand syncStateData(RemotingCommand request) throws Exception {
        List<String> names = json.decodeList(request.getBody(), String.class);
        ControllerState state = read();
        Map<String, BrokerReplicasInfo.ReplicasInfo> table = new LinkedHashMap<>();
        for (String name : names == null ? List.<String>of() : names) {
            BrokerGroup group = state.group(name);
            if (group != null) {
                table.put(name, replicasInfo(group));
            }
        }
        RemotingCommand response = RemotingCommand.response(ResponseCode.SUCCESS, null);
        response.setBody(json.encode(new BrokerReplicasInfo(table)));
        return response;
    }

    private BrokerReplicasInfo.ReplicasInfo replicasInfo(BrokerGroup group) {
        Set<Long> alive = liveness.aliveIds(group.clusterName(), group.brokerName());
        List<BrokerReplicasInfo.ReplicaIdentity> inSync = new ArrayList<>();
        List<BrokerReplicasInfo.ReplicaIdentity> notInSync = new ArrayList<>();
        group.replicas().forEach((id, replica) -> (group.syncStateSet().contains(id) ? inSync : notInSync).add(
            new BrokerReplicasInfo.ReplicaIdentity(alive.contains(id), replica.address(), id, group.brokerName())));
        return new BrokerReplicasInfo.ReplicasInfo(inSync, group.masterAddress(), group.masterBrokerId(),
            group.masterEpoch(), notInSync, group.syncStateSetEpoch());
    }

    /** The group's cluster as the state knows it, else the one the request names. */
    private String clusterOf(String brokerName, String requested) {
        BrokerGroup group = raft.localState().group(brokerName);
        return group != null ? group.clusterName() : requested;
    }

    private Set<Long> aliveIds(String brokerName) {
        BrokerGroup group = raft.localState().group(brokerName);
        return group == null ? Set.of() : liveness.aliveIds(group.clusterName(), brokerName);
    }

    private Outcome propose(Command command) throws Exception {
        return proposer.propose(command, WAIT_MILLIS);
    }

    private ControllerState read() throws Exception {
        if (!proposer.isLeader()) {
            throw new NotLeaderException("not the controller leader");
        }
        try {
            return raft.readState().get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof NotLeaderException notLeader) {
                throw notLeader;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private RemotingCommand answer(Outcome outcome) {
        RemotingCommand response = RemotingCommand.response(outcome.code(), outcome.remark());
        if (outcome.header() != null) {
            response.setHeader(outcome.header());
        }
        if (outcome.body() != null) {
            response.setBody(json.encode(outcome.body()));
        }
        return response;
    }

    private static RemotingCommand invalid(String remark) {
        return RemotingCommand.response(ControllerCodes.INVALID_REQUEST, remark);
    }
}
