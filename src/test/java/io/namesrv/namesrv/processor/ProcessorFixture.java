package io.namesrv.namesrv.processor;

import io.namesrv.namesrv.NamesrvConfig;
import io.namesrv.namesrv.config.NamesrvConfiguration;
import io.namesrv.namesrv.config.RuntimeTunableKeys;
import io.namesrv.namesrv.kvconfig.KVConfigManager;
import io.namesrv.namesrv.routeinfo.RouteInfoManager;
import io.namesrv.namesrv.routeinfo.RouteInfoSettings;
import io.namesrv.protocol.DataVersion;
import io.namesrv.protocol.JsonBodies;
import io.namesrv.protocol.RegisterBrokerBody;
import io.namesrv.protocol.RegisterBrokerBodyCodec;
import io.namesrv.protocol.TopicConfig;
import io.namesrv.protocol.TopicConfigSerializeWrapper;
import io.namesrv.protocol.TopicFilterType;
import io.namesrv.protocol.header.RegisterBrokerRequestHeader;
import io.namesrv.remoting.netty.NettyServerConfig;
import io.namesrv.remoting.protocol.CommandCustomHeader;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.RequestCode;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.CRC32;

/**
 * A name server's parts without the network: real route table, KV store (in a temp dir), config
 * and configuration, plus builders for requests as brokers and clients send them.
 */
final class ProcessorFixture {

    /** Apache 5.3.3's MQVersion ordinal, what current brokers and clients send. */
    static final int V5_3_3 = 479;
    static final String CLUSTER = "DefaultCluster";

    final NamesrvConfig config = new NamesrvConfig();
    final NettyServerConfig nettyConfig = new NettyServerConfig();
    final JsonBodies json = new JsonBodies();
    final RegisterBrokerBodyCodec codec = new RegisterBrokerBodyCodec(json);
    final RouteInfoManager routes;
    final KVConfigManager kv;
    final NamesrvConfiguration configuration;
    final EmbeddedChannel channel = new EmbeddedChannel();

    ProcessorFixture(Path dir) throws IOException {
        config.setKvConfigPath(dir.resolve("kvConfig.json").toString());
        config.setConfigStorePath(dir.resolve("namesrv.properties").toString());
        routes = new RouteInfoManager(new RouteInfoSettings() {
            @Override
            public boolean deleteTopicWithBrokerRegistration() {
                return config.isDeleteTopicWithBrokerRegistration();
            }

            @Override
            public boolean supportActingMaster() {
                return config.isSupportActingMaster();
            }
        });
        kv = new KVConfigManager(Path.of(config.getKvConfigPath()));
        kv.load();
        configuration = new NamesrvConfiguration(Path.of(config.getConfigStorePath()), new Properties(),
            RuntimeTunableKeys.allowed(RuntimeTunableKeys.NAMESRV, config::getConfigBlackList),
            List.of(config, nettyConfig));
    }

    DefaultRequestProcessor defaultProcessor() {
        return new DefaultRequestProcessor(routes, kv, config, configuration, json);
    }

    static RemotingCommand request(int code, CommandCustomHeader header) {
        return RemotingCommand.request(code, header).setVersion(V5_3_3);
    }

    static TopicConfig topic(String name) {
        return new TopicConfig(name, 4, 4, 6, TopicFilterType.SINGLE_TAG, 0, false, Map.of());
    }

    static TopicConfigSerializeWrapper wrapper(long counter, String... topics) {
        Map<String, TopicConfig> table = new LinkedHashMap<>();
        for (String t : topics) {
            table.put(t, topic(t));
        }
        return TopicConfigSerializeWrapper.of(new DataVersion(0L, 1000L + counter, counter), table);
    }

    static int crc32(byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        return (int) (crc.getValue() & 0x7FFFFFFF);
    }

    static RegisterBrokerRequestHeader registerHeader(String brokerName, String addr, long id, boolean compressed, int crc) {
        return new RegisterBrokerRequestHeader(brokerName, addr, CLUSTER, "ha-" + addr, id, null, false, compressed, crc);
    }

    /** A REGISTER_BROKER as a 5.x broker sends it: JSON body with its checksum. */
    RemotingCommand registration(String brokerName, String addr, long id, long counter, String... topics) {
        byte[] body = codec.encodeJson(new RegisterBrokerBody(wrapper(counter, topics), new ArrayList<>()));
        return request(RequestCode.REGISTER_BROKER, registerHeader(brokerName, addr, id, false, crc32(body)))
            .setBody(body);
    }
}
