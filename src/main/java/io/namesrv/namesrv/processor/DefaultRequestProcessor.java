package io.namesrv.namesrv.processor;

import io.namesrv.common.LoggerNames;
import io.namesrv.namesrv.config.NamesrvConfiguration;
import io.namesrv.namesrv.config.UpdateResult;
import io.namesrv.namesrv.kvconfig.KVConfigManager;
import io.namesrv.namesrv.routeinfo.BrokerRegistration;
import io.namesrv.namesrv.routeinfo.RegisterBrokerResult;
import io.namesrv.namesrv.routeinfo.RouteInfoManager;
import io.namesrv.namesrv.routeinfo.RouteLimitExceededException;
import io.namesrv.namesrv.routeinfo.UnregisterRequest;
import io.namesrv.protocol.BrokerLiveness;
import io.namesrv.protocol.BrokerLivenessTable;
import io.namesrv.protocol.BodyTooLargeException;
import io.namesrv.protocol.DataVersion;
import io.namesrv.protocol.GetBrokerMemberGroupResponseBody;
import io.namesrv.protocol.JsonBodies;
import io.namesrv.protocol.KVTable;
import io.namesrv.protocol.MalformedBodyException;
import io.namesrv.protocol.RegisterBrokerBody;
import io.namesrv.protocol.RegisterBrokerBodyCodec;
import io.namesrv.protocol.TopicList;
import io.namesrv.protocol.TopicRouteData;
import io.namesrv.protocol.header.AddWritePermOfBrokerRequestHeader;
import io.namesrv.protocol.header.AddWritePermOfBrokerResponseHeader;
import io.namesrv.protocol.header.BrokerHeartbeatRequestHeader;
import io.namesrv.protocol.header.DeleteKVConfigRequestHeader;
import io.namesrv.protocol.header.DeleteTopicFromNamesrvRequestHeader;
import io.namesrv.protocol.header.GetBrokerClusterInfoRequestHeader;
import io.namesrv.protocol.header.GetBrokerMemberGroupRequestHeader;
import io.namesrv.protocol.header.GetKVConfigRequestHeader;
import io.namesrv.protocol.header.GetKVConfigResponseHeader;
import io.namesrv.protocol.header.GetKVListByNamespaceRequestHeader;
import io.namesrv.protocol.header.GetTopicsByClusterRequestHeader;
import io.namesrv.protocol.header.PutKVConfigRequestHeader;
import io.namesrv.protocol.header.QueryDataVersionRequestHeader;
import io.namesrv.protocol.header.QueryDataVersionResponseHeader;
import io.namesrv.protocol.header.RegisterBrokerRequestHeader;
import io.namesrv.protocol.header.RegisterBrokerResponseHeader;
import io.namesrv.protocol.header.RegisterTopicRequestHeader;
import io.namesrv.protocol.header.UnRegisterBrokerRequestHeader;
import io.namesrv.protocol.header.WipeWritePermOfBrokerRequestHeader;
import io.namesrv.protocol.header.WipeWritePermOfBrokerResponseHeader;
import io.namesrv.remoting.RemotingHelper;
import io.namesrv.remoting.ThrottledLog;
import io.namesrv.remoting.netty.NettyDecoder;
import io.namesrv.remoting.netty.NettyRequestProcessor;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.RequestCode;
import io.namesrv.remoting.protocol.ResponseCode;
import io.netty.channel.Channel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every name-server request code but the route lookup: decode the header, ask the route table or
 * the KV store, encode the answer. No state of its own.
 */
public class DefaultRequestProcessor implements NettyRequestProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(LoggerNames.NAMESRV);
    static final String ORDER_TOPIC_CONFIG = ClientRequestProcessor.ORDER_TOPIC_CONFIG;
    /** The largest body a response frame carries: the frame limit less its length fields and a header. */
    static final int MAX_BODY_BYTES = NettyDecoder.configuredMaxFrameLength() - 8 - 1024;

    private final RouteInfoManager routeInfoManager;
    private final KVConfigManager kvConfigManager;
    private final DefaultRequestSettings settings;
    private final NamesrvConfiguration configuration;
    private final JsonBodies json;
    private final RegisterBrokerBodyCodec registerBodyCodec;
    private final RegistrationLimits registrationLimits;
    /** A flood of refused registrations must not become a flood of log lines. */
    private final ThrottledLog refusalLog = new ThrottledLog(LOG, 1000);
    /** The two whole-table answers admin tools and dashboards poll, encoded once per change of what they show. */
    private final VersionedBody<byte[]> clusterInfoBody;
    private final AllTopicList allTopicList;

    public DefaultRequestProcessor(RouteInfoManager routeInfoManager, KVConfigManager kvConfigManager,
                                   DefaultRequestSettings settings, NamesrvConfiguration configuration, JsonBodies json) {
        this(routeInfoManager, kvConfigManager, settings, configuration, json, RegistrationLimits.NONE);
    }

    public DefaultRequestProcessor(RouteInfoManager routeInfoManager, KVConfigManager kvConfigManager,
                                   DefaultRequestSettings settings, NamesrvConfiguration configuration, JsonBodies json,
                                   RegistrationLimits registrationLimits) {
        this.registrationLimits = registrationLimits;
        this.routeInfoManager = routeInfoManager;
        this.kvConfigManager = kvConfigManager;
        this.settings = settings;
        this.configuration = configuration;
        this.json = json;
        this.registerBodyCodec = new RegisterBrokerBodyCodec(json, registrationLimits.maxRegistrationBodyBytes());
        this.clusterInfoBody = new VersionedBody<>(routeInfoManager::clusterVersion,
            () -> json.encode(routeInfoManager.getAllClusterInfo()));
        this.allTopicList = new AllTopicList(routeInfoManager, json, MAX_BODY_BYTES);
    }

    @Override
    public RemotingCommand processRequest(Channel channel, RemotingCommand request) throws Exception {
        return switch (request.getCode()) {
            case RequestCode.PUT_KV_CONFIG -> putKVConfig(request);
            case RequestCode.GET_KV_CONFIG -> getKVConfig(request);
            case RequestCode.DELETE_KV_CONFIG -> deleteKVConfig(request);
            case RequestCode.GET_KVLIST_BY_NAMESPACE -> getKVListByNamespace(request);
            case RequestCode.QUERY_DATA_VERSION -> queryBrokerTopicConfig(request);
            case RequestCode.REGISTER_BROKER -> registerBroker(channel, request);
            case RequestCode.UNREGISTER_BROKER -> unregisterBroker(request);
            case RequestCode.BROKER_HEARTBEAT -> brokerHeartbeat(request);
            case RequestCode.GET_BROKER_MEMBER_GROUP -> getBrokerMemberGroup(request);
            case RequestCode.GET_BROKER_CLUSTER_INFO -> clusterInfo(request);
            case RequestCode.WIPE_WRITE_PERM_OF_BROKER -> wipeWritePerm(request);
            case RequestCode.ADD_WRITE_PERM_OF_BROKER -> addWritePerm(request);
            case RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER -> settings.isEnableAllTopicList()
                ? allTopics() : disabled();
            case RequestCode.DELETE_TOPIC_IN_NAMESRV -> deleteTopic(request);
            case RequestCode.REGISTER_TOPIC_IN_NAMESRV -> registerTopic(request);
            case RequestCode.GET_TOPICS_BY_CLUSTER -> getTopicsByCluster(request);
            case RequestCode.GET_SYSTEM_TOPIC_LIST_FROM_NS -> topicList(routeInfoManager.getSystemTopicList());
            case RequestCode.GET_UNIT_TOPIC_LIST -> settings.isEnableTopicList()
                ? topicList(routeInfoManager.getUnitTopics()) : disabled();
            case RequestCode.GET_HAS_UNIT_SUB_TOPIC_LIST -> settings.isEnableTopicList()
                ? topicList(routeInfoManager.getHasUnitSubTopicList()) : disabled();
            case RequestCode.GET_HAS_UNIT_SUB_UNUNIT_TOPIC_LIST -> settings.isEnableTopicList()
                ? topicList(routeInfoManager.getHasUnitSubUnUnitTopicList()) : disabled();
            case RequestCode.UPDATE_NAMESRV_CONFIG -> updateConfig(channel, request);
            case RequestCode.GET_NAMESRV_CONFIG -> getConfig();
            case RequestCode.GET_BROKER_LIVENESS -> brokerLiveness();
            default -> RemotingCommand.response(ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                " request type " + request.getCode() + " not supported");
        };
    }

    private static RemotingCommand success(byte[] body) {
        return RemotingCommand.response(ResponseCode.SUCCESS, null).setBody(body);
    }

    private static RemotingCommand disabled() {
        return RemotingCommand.response(ResponseCode.SYSTEM_ERROR, "disable");
    }

    private RemotingCommand brokerLiveness() {
        List<BrokerLiveness> brokers = new ArrayList<>();
        for (RouteInfoManager.BrokerLiveView v : routeInfoManager.liveBrokers()) {
            brokers.add(new BrokerLiveness(v.clusterName(), v.brokerAddr(), v.lastUpdateTimestamp(),
                v.heartbeatTimeoutMillis(), v.dataVersion(), v.haServerAddr()));
        }
        return success(json.encode(new BrokerLivenessTable(System.currentTimeMillis(), brokers)));
    }

    private RemotingCommand allTopics() {
        AllTopicList.Answer answer = allTopicList.get();
        return answer.tooLarge() ? tooLarge("topic list", answer.topics(), answer.bytes()) : success(answer.body());
    }

    /** The whole table (cached per route change), or for a peer name server only what registered here directly. */
    private RemotingCommand clusterInfo(RemotingCommand request) {
        GetBrokerClusterInfoRequestHeader h = request.decodeHeader(GetBrokerClusterInfoRequestHeader::decode);
        return Boolean.TRUE.equals(h.directOnly())
            ? success(json.encode(routeInfoManager.getDirectClusterInfo())) : success(clusterInfoBody.get());
    }

    private RemotingCommand topicList(TopicList topics) {
        byte[] body = json.encode(topics);
        return body.length > MAX_BODY_BYTES ? tooLarge("topic list", topics.topicList().size(), body.length)
            : success(body);
    }

    /**
     * An answer too large for one frame: the client's decoder would close the connection (failing
     * every call on it) and the call would time out; an error that says why is kinder.
     */
    private static RemotingCommand tooLarge(String what, int topics, long bytes) {
        return RemotingCommand.response(ResponseCode.SYSTEM_ERROR, String.format(Locale.ROOT,
            "the %s has %d topics, %d bytes of JSON: more than one frame carries (%d bytes,"
                + " com.rocketmq.remoting.frameMaxLength); ask per cluster (GET_TOPICS_BY_CLUSTER) or look topics up"
                + " by name", what, topics, bytes, NettyDecoder.configuredMaxFrameLength()));
    }

    // ---------------------------------------------------------------- KV config

    private RemotingCommand putKVConfig(RemotingCommand request) throws IOException {
        PutKVConfigRequestHeader h = request.decodeHeader(PutKVConfigRequestHeader::decode);
        if (h.namespace() == null || h.key() == null) {
            return RemotingCommand.response(ResponseCode.SYSTEM_ERROR, "namespace or key is null");
        }
        kvConfigManager.putKVConfig(h.namespace(), h.key(), h.value());
        return RemotingCommand.response(ResponseCode.SUCCESS, null);
    }

    private RemotingCommand getKVConfig(RemotingCommand request) {
        GetKVConfigRequestHeader h = request.decodeHeader(GetKVConfigRequestHeader::decode);
        Optional<String> value = h.namespace() == null || h.key() == null
            ? Optional.empty() : kvConfigManager.getKVConfig(h.namespace(), h.key());
        if (value.isPresent()) {
            return RemotingCommand.response(ResponseCode.SUCCESS, null, new GetKVConfigResponseHeader(value.get()));
        }
        return RemotingCommand.response(ResponseCode.QUERY_NOT_FOUND,
            "No config item, Namespace: " + h.namespace() + " Key: " + h.key(), new GetKVConfigResponseHeader(null));
    }

    private RemotingCommand deleteKVConfig(RemotingCommand request) throws IOException {
        DeleteKVConfigRequestHeader h = request.decodeHeader(DeleteKVConfigRequestHeader::decode);
        if (h.namespace() != null && h.key() != null) {
            kvConfigManager.deleteKVConfig(h.namespace(), h.key());
        }
        return RemotingCommand.response(ResponseCode.SUCCESS, null);
    }

    private RemotingCommand getKVListByNamespace(RemotingCommand request) {
        GetKVListByNamespaceRequestHeader h = request.decodeHeader(GetKVListByNamespaceRequestHeader::decode);
        Optional<Map<String, String>> table = h.namespace() == null
            ? Optional.empty() : kvConfigManager.getKVListByNamespace(h.namespace());
        if (table.isPresent()) {
            return success(json.encode(new KVTable(table.get())));
        }
        return RemotingCommand.response(ResponseCode.QUERY_NOT_FOUND, "No config item, Namespace: " + h.namespace());
    }

    // ---------------------------------------------------------------- brokers

    private RemotingCommand registerBroker(Channel channel, RemotingCommand request) {
        RegisterBrokerRequestHeader h = request.decodeHeader(RegisterBrokerRequestHeader::decode);
        RegisterBrokerResponseHeader emptyHeader = new RegisterBrokerResponseHeader(null, null);
        String missing = missingFields(new String[] {"clusterName", "brokerAddr", "brokerName", "brokerId"},
            h.clusterName(), h.brokerAddr(), h.brokerName(), h.brokerId());
        if (missing != null) {
            return RemotingCommand.response(ResponseCode.SYSTEM_ERROR, "register broker failed, missing header field(s): "
                + missing, emptyHeader);
        }
        byte[] raw = request.getBody();
        // A missing body checksums to 0, as in Apache: a non-zero bodyCrc32 without a body is a mismatch.
        int crc = raw == null ? 0 : crc32(raw);
        if (h.bodyCrc32() != 0 && crc != h.bodyCrc32()) {
            LOG.warn("receive registerBroker request, crc32 not match, from {}", RemotingHelper.remoteAddr(channel));
            return RemotingCommand.response(ResponseCode.SYSTEM_ERROR, "crc32 not match", emptyHeader);
        }
        if (raw != null && raw.length > registrationLimits.maxRegistrationBodyBytes()) {
            return refused(channel, RegistrationLimits.REGISTRATION_BODY_BYTES, "the body has " + raw.length + " bytes: "
                + RegistrationLimits.REGISTRATION_BODY_BYTES + "=" + registrationLimits.maxRegistrationBodyBytes(), emptyHeader);
        }
        RegisterBrokerResult result = null;
        try {
            // The re-registration every broker sends every 30 s: a body the table has applied before and
            // would not change is not decoded at all.
            if (raw != null && routeInfoManager.knowsBody(h.clusterName(), h.brokerAddr(), h.brokerName(), h.brokerId(),
                h.enableActingMaster(), crc)) {
                result = routeInfoManager.registerBroker(registration(h, request, channel).sameBodyAsBefore(crc).build());
            }
            if (result == null || result == RegisterBrokerResult.BODY_NEEDED) {
                RegisterBrokerBody body;
                try {
                    body = raw == null ? RegisterBrokerBody.empty()
                        : registerBodyCodec.decode(raw, h.compressed(), request.getVersion());
                } catch (MalformedBodyException e) {
                    LOG.warn("malformed REGISTER_BROKER body from {}: {}", RemotingHelper.remoteAddr(channel), e.getMessage());
                    return RemotingCommand.response(ResponseCode.SYSTEM_ERROR, "register broker failed, malformed body: "
                        + e.getMessage(), emptyHeader);
                } catch (BodyTooLargeException e) {
                    return refused(channel, RegistrationLimits.REGISTRATION_BODY_BYTES, e.getMessage() + ": "
                        + RegistrationLimits.REGISTRATION_BODY_BYTES + "=" + e.limitBytes(), emptyHeader);
                }
                if (body == null || body.topicConfigSerializeWrapper() == null) {
                    body = RegisterBrokerBody.empty();
                }
                Map<String, ?> topics = body.topicConfigSerializeWrapper().topicConfigTable();
                if (topics != null && topics.size() > registrationLimits.maxTopicsPerRegistration()) {
                    return refused(channel, RegistrationLimits.TOPICS_PER_REGISTRATION, "it reports " + topics.size()
                        + " topics: " + RegistrationLimits.TOPICS_PER_REGISTRATION + "="
                        + registrationLimits.maxTopicsPerRegistration(), emptyHeader);
                }
                result = routeInfoManager.registerBroker(registration(h, request, channel)
                    .topics(body.topicConfigSerializeWrapper())
                    .filterServers(body.filterServerList())
                    .bodyCrc32(crc)
                    .build());
            }
        } catch (RouteLimitExceededException e) {
            return refused(channel, e.limit(), e.getMessage(), emptyHeader);
        }
        if (result == null) {
            return RemotingCommand.response(ResponseCode.SYSTEM_ERROR, "register broker failed", emptyHeader);
        }
        RemotingCommand response = RemotingCommand.response(ResponseCode.SUCCESS, null,
            new RegisterBrokerResponseHeader(result.haServerAddr(), result.masterAddr()));
        if (settings.isReturnOrderTopicConfigToBroker()) {
            kvConfigManager.getKVListByNamespace(ORDER_TOPIC_CONFIG)
                .ifPresent(table -> response.setBody(json.encode(new KVTable(table))));
        }
        return response;
    }

    /** The registration the header describes, without its topics. */
    private static BrokerRegistration.Builder registration(RegisterBrokerRequestHeader h, RemotingCommand request,
                                                           Channel channel) {
        return BrokerRegistration.builder(h.clusterName(), h.brokerAddr(), h.brokerName(), h.brokerId())
            .haServerAddr(h.haServerAddr())
            .zoneName(request.extField(ZoneRouteFilter.ZONE_NAME))
            .heartbeatTimeoutMillis(h.heartbeatTimeoutMillis())
            .enableActingMaster(h.enableActingMaster())
            .channel(channel);
    }

    /**
     * A registration refused by a limit: nothing of it was applied. The remark names the limit;
     * the refusal is counted (label: the limit's key) and logged, at most a line a second.
     */
    private RemotingCommand refused(Channel channel, String limit, String why, RegisterBrokerResponseHeader header) {
        registrationLimits.refusals().accept(limit);
        refusalLog.warn("REGISTER_BROKER from {} refused, nothing registered: {}", RemotingHelper.remoteAddr(channel), why);
        return RemotingCommand.response(ResponseCode.SYSTEM_ERROR, "register broker refused, nothing registered: " + why,
            header);
    }

    /** Apache's body checksum: CRC32 masked to a non-negative int. */
    static int crc32(byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body, 0, body.length);
        return (int) (crc.getValue() & 0x7FFFFFFF);
    }

    private RemotingCommand unregisterBroker(RemotingCommand request) {
        UnRegisterBrokerRequestHeader h = request.decodeHeader(UnRegisterBrokerRequestHeader::decode);
        String missing = missingFields(new String[] {"clusterName", "brokerAddr", "brokerName"},
            h.clusterName(), h.brokerAddr(), h.brokerName());
        if (missing != null) {
            return RemotingCommand.response(ResponseCode.SYSTEM_ERROR, "unregister broker failed, missing header field(s): "
                + missing);
        }
        routeInfoManager.unregisterBroker(new UnregisterRequest(h.clusterName(), h.brokerAddr(), h.brokerName(),
            h.brokerId(), UnregisterRequest.ANY_GENERATION, "UNREGISTER_BROKER request"));
        return RemotingCommand.response(ResponseCode.SUCCESS, null);
    }

    private RemotingCommand queryBrokerTopicConfig(RemotingCommand request) {
        QueryDataVersionRequestHeader h = request.decodeHeader(QueryDataVersionRequestHeader::decode);
        DataVersion dataVersion;
        try {
            dataVersion = json.decode(request.getBody(), DataVersion.class);
        } catch (MalformedBodyException e) {
            return RemotingCommand.response(ResponseCode.SYSTEM_ERROR, "malformed DataVersion body: " + e.getMessage(),
                new QueryDataVersionResponseHeader(null));
        }
        boolean changed = routeInfoManager.isBrokerTopicConfigChanged(h.clusterName(), h.brokerAddr(), dataVersion);
        routeInfoManager.updateBrokerInfoUpdateTimestamp(h.clusterName(), h.brokerAddr());
        DataVersion known = routeInfoManager.queryBrokerTopicConfig(h.clusterName(), h.brokerAddr());
        RemotingCommand response = RemotingCommand.response(ResponseCode.SUCCESS, null,
            new QueryDataVersionResponseHeader(changed));
        if (known != null) {
            response.setBody(json.encode(known));
        }
        return response;
    }

    private RemotingCommand brokerHeartbeat(RemotingCommand request) {
        BrokerHeartbeatRequestHeader h = request.decodeHeader(BrokerHeartbeatRequestHeader::decode);
        routeInfoManager.updateBrokerInfoUpdateTimestamp(h.clusterName(), h.brokerAddr());
        return RemotingCommand.response(ResponseCode.SUCCESS, null);
    }

    private RemotingCommand getBrokerMemberGroup(RemotingCommand request) {
        GetBrokerMemberGroupRequestHeader h = request.decodeHeader(GetBrokerMemberGroupRequestHeader::decode);
        return success(json.encode(new GetBrokerMemberGroupResponseBody(
            routeInfoManager.getBrokerMemberGroup(h.clusterName(), h.brokerName()))));
    }

    private RemotingCommand wipeWritePerm(RemotingCommand request) {
        WipeWritePermOfBrokerRequestHeader h = request.decodeHeader(WipeWritePermOfBrokerRequestHeader::decode);
        int count = h.brokerName() == null ? 0 : routeInfoManager.wipeWritePermOfBrokerByLock(h.brokerName());
        LOG.info("wipe write perm of broker[{}], client: {}, {}", h.brokerName(), request.getLanguage(), count);
        return RemotingCommand.response(ResponseCode.SUCCESS, null, new WipeWritePermOfBrokerResponseHeader(count));
    }

    private RemotingCommand addWritePerm(RemotingCommand request) {
        AddWritePermOfBrokerRequestHeader h = request.decodeHeader(AddWritePermOfBrokerRequestHeader::decode);
        int count = h.brokerName() == null ? 0 : routeInfoManager.addWritePermOfBrokerByLock(h.brokerName());
        LOG.info("add write perm of broker[{}], client: {}, {}", h.brokerName(), request.getLanguage(), count);
        return RemotingCommand.response(ResponseCode.SUCCESS, null, new AddWritePermOfBrokerResponseHeader(count));
    }

    // ---------------------------------------------------------------- topics

    private RemotingCommand deleteTopic(RemotingCommand request) {
        DeleteTopicFromNamesrvRequestHeader h = request.decodeHeader(DeleteTopicFromNamesrvRequestHeader::decode);
        if (h.topic() != null) {
            // Only an absent or empty cluster means "everywhere"; a blank one is a (unknown) cluster, as in Apache.
            if (h.clusterName() != null && !h.clusterName().isEmpty()) {
                routeInfoManager.deleteTopic(h.topic(), h.clusterName());
            } else {
                routeInfoManager.deleteTopic(h.topic());
            }
        }
        return RemotingCommand.response(ResponseCode.SUCCESS, null);
    }

    private RemotingCommand registerTopic(RemotingCommand request) {
        RegisterTopicRequestHeader h = request.decodeHeader(RegisterTopicRequestHeader::decode);
        if (request.getBody() != null) {
            TopicRouteData route;
            try {
                route = json.decode(request.getBody(), TopicRouteData.class);
            } catch (MalformedBodyException e) {
                return RemotingCommand.response(ResponseCode.SYSTEM_ERROR, "malformed TopicRouteData body: "
                    + e.getMessage());
            }
            if (route != null && route.queueDatas() != null && !route.queueDatas().isEmpty()) {
                try {
                    routeInfoManager.registerTopic(h.topic(), route.queueDatas());
                } catch (RouteLimitExceededException e) {
                    registrationLimits.refusals().accept(e.limit());
                    return RemotingCommand.response(ResponseCode.SYSTEM_ERROR, "register topic refused, nothing registered: "
                        + e.getMessage());
                }
            }
        }
        return RemotingCommand.response(ResponseCode.SUCCESS, null);
    }

    private RemotingCommand getTopicsByCluster(RemotingCommand request) {
        if (!settings.isEnableTopicList()) {
            return disabled();
        }
        GetTopicsByClusterRequestHeader h = request.decodeHeader(GetTopicsByClusterRequestHeader::decode);
        TopicList topics = routeInfoManager.getTopicsByCluster(h.cluster());
        // Apache's route table catches its own NullPointerException for an unknown cluster and
        // answers SUCCESS with an empty list (probed on 5.3.3), so clients see no error here.
        return topicList(topics != null ? topics : TopicList.of(Set.of()));
    }

    // ---------------------------------------------------------------- name-server config

    private RemotingCommand updateConfig(Channel channel, RemotingCommand request) {
        if (request.getBody() == null) {
            return RemotingCommand.response(ResponseCode.SUCCESS, null);
        }
        LOG.info("updateConfig called by {}", RemotingHelper.remoteAddr(channel));
        UpdateResult result = configuration.update(request.getBody());
        if (!result.isSuccess()) {
            LOG.warn("updateConfig from {} refused: {}", RemotingHelper.remoteAddr(channel), result.remark());
        }
        return RemotingCommand.response(result.code(), result.remark());
    }

    private RemotingCommand getConfig() {
        String content = configuration.dump();
        RemotingCommand response = RemotingCommand.response(ResponseCode.SUCCESS, null);
        if (content != null && !content.isEmpty()) {
            response.setBody(content.getBytes(StandardCharsets.UTF_8));
        }
        return response;
    }

    /** The names of the required header fields that are null, or null when all are there. */
    private static String missingFields(String[] names, Object... values) {
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            if (values[i] == null) {
                missing.add(names[i]);
            }
        }
        return missing.isEmpty() ? null : String.join(", ", missing);
    }
}
