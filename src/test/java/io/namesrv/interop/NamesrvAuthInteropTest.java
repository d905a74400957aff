package io.namesrv.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.interop.support.Await;
import io.namesrv.interop.support.BrokerProcess;
import io.namesrv.interop.support.NameServerProcess;
import io.namesrv.interop.support.PeerDirs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.rocketmq.acl.common.AclClientRPCHook;
import org.apache.rocketmq.acl.common.SessionCredentials;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.common.constant.PermName;
import org.apache.rocketmq.remoting.RPCHook;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyRemotingClient;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.remoting.protocol.RequestCode;
import org.apache.rocketmq.remoting.protocol.ResponseCode;
import org.apache.rocketmq.remoting.protocol.body.ClusterInfo;
import org.apache.rocketmq.remoting.protocol.body.RegisterBrokerBody;
import org.apache.rocketmq.remoting.protocol.header.namesrv.RegisterBrokerRequestHeader;
import org.apache.rocketmq.remoting.protocol.header.namesrv.UnRegisterBrokerRequestHeader;
import org.apache.rocketmq.remoting.protocol.route.QueueData;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Our name server with authentication on, driven by Apache's own admin client and broker: signed
 * requests change state, unsigned or wrongly signed ones get NO_PERMISSION and change nothing,
 * read-only requests need no credentials, and a broker that signs with
 * {@code innerClientAuthenticationCredentials} registers.
 */
class NamesrvAuthInteropTest {

    private static final String CLUSTER = "AuthCluster";
    private static final String BROKER = "auth-broker-a";
    private static final String ADMIN_AK = "admin";
    private static final String ADMIN_SK = "admin-secret";
    private static final String BROKER_AK = "rocketmq2";
    private static final String BROKER_SK = "12345678";
    private static final Duration REGISTRATION = Duration.ofSeconds(40);
    /** Generous: a KV put fsyncs, and a loaded CI machine can stall that for seconds. */
    private static final long CALL_TIMEOUT_MILLIS = 15_000;

    private static final String ACL_AT_START =
        "secretKey." + ADMIN_AK + "=" + ADMIN_SK + "\nsecretKey." + BROKER_AK + "=" + BROKER_SK + "\n";

    private static Path aclDir;
    private static Path aclFile;
    private static NameServerProcess namesrv;
    private static BrokerProcess broker;
    private static DefaultMQAdminExt signed;
    private static DefaultMQAdminExt unsigned;
    private static DefaultMQAdminExt wrongSecret;

    @BeforeAll
    static void start() throws Exception {
        aclDir = PeerDirs.create("namesrv-acl");
        aclFile = Files.writeString(aclDir.resolve("namesrv-acl.properties"), ACL_AT_START, StandardCharsets.UTF_8);
        Path acl = aclFile;
        namesrv = NameServerProcess.ours(Map.of("aclConfigPath", acl.toString()));
        // Apache 5.3.3 brokers sign every name-server request with these (BrokerOuterAPI adds an
        // AclClientRPCHook when the auth config holds them); broker-side auth stays off. The broker
        // also stores them as its inner user, which needs a metadata provider or it will not boot.
        broker = BrokerProcess.start(CLUSTER, BROKER, 0, namesrv.address(), Map.of(
            "innerClientAuthenticationCredentials",
            "{\"accessKey\":\"" + BROKER_AK + "\",\"secretKey\":\"" + BROKER_SK + "\"}",
            "authenticationMetadataProvider",
            "org.apache.rocketmq.auth.authentication.provider.LocalAuthenticationMetadataProvider"));
        signed = admin("auth-signed", new AclClientRPCHook(new SessionCredentials(ADMIN_AK, ADMIN_SK)));
        unsigned = admin("auth-unsigned", null);
        wrongSecret = admin("auth-wrong", new AclClientRPCHook(new SessionCredentials(ADMIN_AK, "guessed")));
    }

    private static DefaultMQAdminExt admin(String instance, RPCHook hook) throws MQClientException {
        DefaultMQAdminExt admin = hook == null ? new DefaultMQAdminExt(CALL_TIMEOUT_MILLIS)
            : new DefaultMQAdminExt(hook, CALL_TIMEOUT_MILLIS);
        admin.setNamesrvAddr(namesrv.address());
        // Apache caches one client per instance name: distinct names keep the hooks apart.
        admin.setInstanceName(instance);
        admin.start();
        return admin;
    }

    @AfterAll
    static void stop() {
        for (DefaultMQAdminExt admin : new DefaultMQAdminExt[] {signed, unsigned, wrongSecret}) {
            if (admin != null) {
                admin.shutdown();
            }
        }
        if (broker != null) {
            broker.kill();
        }
        if (namesrv != null) {
            namesrv.close();
        }
        PeerDirs.deleteQuietly(aclDir);
    }

    private static ClusterInfo registered() {
        return Await.until("broker " + BROKER + " registered", REGISTRATION, unsigned::examineBrokerClusterInfo,
            info -> info.getBrokerAddrTable().containsKey(BROKER));
    }

    private static int brokerTopicPerm() throws Exception {
        // Every broker registers a topic named after itself; its queue data carries the broker's perm.
        List<QueueData> queues = unsigned.examineTopicRouteInfo(BROKER).getQueueDatas();
        return queues.get(0).getPerm();
    }

    private static void assertNoPermission(Executable call, String remarkPart) {
        MQClientException e = assertThrows(MQClientException.class, call::run);
        assertEquals(ResponseCode.NO_PERMISSION, e.getResponseCode(), String.valueOf(e.getErrorMessage()));
        assertTrue(String.valueOf(e.getErrorMessage()).contains(remarkPart), e.getErrorMessage());
    }

    @FunctionalInterface
    private interface Executable {
        void run() throws Exception;
    }

    @Test
    void signingBrokerRegistersAndReadsNeedNoCredentials() throws Exception {
        ClusterInfo info = registered();
        assertEquals(broker.address(), info.getBrokerAddrTable().get(BROKER).getBrokerAddrs().get(0L));
        assertFalse(unsigned.examineTopicRouteInfo(BROKER).getBrokerDatas().isEmpty());
    }

    @Test
    void kvChangesNeedTheRightCredentials() throws Exception {
        assertNoPermission(() -> unsigned.createAndUpdateKvConfig("auth-ns", "k", "unsigned"), "no AccessKey");
        assertNoPermission(() -> wrongSecret.createAndUpdateKvConfig("auth-ns", "k", "wrong"),
            "signature check failed for AccessKey " + ADMIN_AK);
        assertThrows(Exception.class, () -> unsigned.getKVConfig("auth-ns", "k"), "nothing was stored");

        signed.createAndUpdateKvConfig("auth-ns", "k", "signed");
        assertEquals("signed", unsigned.getKVConfig("auth-ns", "k"), "reads need no credentials");

        assertNoPermission(() -> unsigned.deleteKvConfig("auth-ns", "k"), "no AccessKey");
        assertEquals("signed", unsigned.getKVConfig("auth-ns", "k"));
        signed.deleteKvConfig("auth-ns", "k");
        assertThrows(Exception.class, () -> unsigned.getKVConfig("auth-ns", "k"));
    }

    @Test
    void writePermissionChangesNeedTheRightCredentials() throws Exception {
        registered();
        int perm = brokerTopicPerm();
        assertTrue(PermName.isWriteable(perm));
        assertNoPermission(() -> unsigned.wipeWritePermOfBroker(namesrv.address(), BROKER), "no AccessKey");
        assertNoPermission(() -> wrongSecret.wipeWritePermOfBroker(namesrv.address(), BROKER), "signature");
        assertEquals(perm, brokerTopicPerm(), "refused wipes change nothing");

        // The answer counts the topics whose queues were changed.
        assertTrue(signed.wipeWritePermOfBroker(namesrv.address(), BROKER) > 0);
        assertFalse(PermName.isWriteable(brokerTopicPerm()));
        assertNoPermission(() -> unsigned.addWritePermOfBroker(namesrv.address(), BROKER), "no AccessKey");
        assertFalse(PermName.isWriteable(brokerTopicPerm()));
        assertTrue(signed.addWritePermOfBroker(namesrv.address(), BROKER) > 0);
        // Adding write permission sets read|write, as Apache's name server does (inherit is dropped).
        assertEquals(PermName.PERM_READ | PermName.PERM_WRITE, brokerTopicPerm());
    }

    @Test
    void configUpdatesNeedTheRightCredentials() throws Exception {
        List<String> servers = List.of(namesrv.address());
        Properties change = new Properties();
        change.setProperty("orderMessageEnable", "true");
        assertNoPermission(() -> unsigned.updateNameServerConfig(change, servers), "no AccessKey");
        assertNoPermission(() -> wrongSecret.updateNameServerConfig(change, servers), "signature");
        assertEquals("false", orderMessageEnable());

        signed.updateNameServerConfig(change, servers);
        assertEquals("true", orderMessageEnable());
        change.setProperty("orderMessageEnable", "false");
        signed.updateNameServerConfig(change, servers);
        assertEquals("false", orderMessageEnable());

        // Even a signed update cannot switch authentication off: the key is not runtime-tunable.
        Properties off = new Properties();
        off.setProperty("aclConfigPath", "");
        assertNoPermission(() -> signed.updateNameServerConfig(off, servers), "not tunable at runtime: aclConfigPath");
        assertNoPermission(() -> unsigned.createAndUpdateKvConfig("auth-ns", "k", "still-guarded"), "no AccessKey");
    }

    /** Access keys are added and revoked by editing the file, without a restart, as with Apache's ACL. */
    @Test
    void editingTheAclFileTakesEffectWithoutARestart() throws Exception {
        DefaultMQAdminExt ops = admin("auth-ops", new AclClientRPCHook(new SessionCredentials("ops", "ops-secret")));
        try {
            assertNoPermission(() -> ops.createAndUpdateKvConfig("auth-ns", "ops-k", "before"), "unknown AccessKey ops");

            Files.writeString(aclFile, ACL_AT_START + "secretKey.ops=ops-secret\n", StandardCharsets.UTF_8);
            Await.until("the added key accepted", Duration.ofSeconds(20), () -> {
                ops.createAndUpdateKvConfig("auth-ns", "ops-k", "added");
                return true;
            }, ok -> ok);
            assertEquals("added", unsigned.getKVConfig("auth-ns", "ops-k"));

            // A broken version (a typo'd key) is refused and changes nothing: the added key still works.
            Files.writeString(aclFile, ACL_AT_START + "secretKey.ops=ops-secret\nsecretKye.x=y\n", StandardCharsets.UTF_8);
            // The watcher's refusal is logged (at ERROR, so it reaches the child's console log):
            // proof the broken version was read, not merely that nothing changed yet.
            namesrv.waitForLogLine(Pattern.compile("ACL file changed but is not valid.*unknown key 'secretKye\\.x'"),
                Duration.ofSeconds(20));
            ops.createAndUpdateKvConfig("auth-ns", "ops-k", "still");
            assertEquals("still", unsigned.getKVConfig("auth-ns", "ops-k"));

            Files.writeString(aclFile, ACL_AT_START, StandardCharsets.UTF_8);
            Await.until("the revoked key refused", Duration.ofSeconds(20), () -> {
                try {
                    ops.createAndUpdateKvConfig("auth-ns", "ops-k", "still"); // accepted until the revocation is read
                    return false;
                } catch (MQClientException e) {
                    return e.getResponseCode() == ResponseCode.NO_PERMISSION;
                }
            }, refused -> refused);
            assertEquals("still", unsigned.getKVConfig("auth-ns", "ops-k"));
            signed.deleteKvConfig("auth-ns", "ops-k");
        } finally {
            Files.writeString(aclFile, ACL_AT_START, StandardCharsets.UTF_8);
            ops.shutdown();
        }
    }

    private static String orderMessageEnable() throws Exception {
        return unsigned.getNameServerConfig(List.of(namesrv.address())).get(namesrv.address())
            .getProperty("orderMessageEnable");
    }

    @Test
    void unsignedBrokerTrafficCannotRegisterOrEvict() throws Exception {
        registered();
        NettyRemotingClient client = new NettyRemotingClient(new NettyClientConfig());
        client.start();
        try {
            RegisterBrokerRequestHeader reg = new RegisterBrokerRequestHeader();
            reg.setBrokerName("intruder");
            reg.setBrokerAddr("127.0.0.1:1");
            reg.setClusterName(CLUSTER);
            reg.setHaServerAddr("127.0.0.1:2");
            reg.setBrokerId(0L);
            reg.setBodyCrc32(0);
            RemotingCommand register = RemotingCommand.createRequestCommand(RequestCode.REGISTER_BROKER, reg);
            register.setBody(new RegisterBrokerBody().encode(false));
            RemotingCommand answer = client.invokeSync(namesrv.address(), register, CALL_TIMEOUT_MILLIS);
            assertEquals(ResponseCode.NO_PERMISSION, answer.getCode(), answer.getRemark());

            UnRegisterBrokerRequestHeader unreg = new UnRegisterBrokerRequestHeader();
            unreg.setBrokerName(BROKER);
            unreg.setBrokerAddr(broker.address());
            unreg.setClusterName(CLUSTER);
            unreg.setBrokerId(0L);
            answer = client.invokeSync(namesrv.address(),
                RemotingCommand.createRequestCommand(RequestCode.UNREGISTER_BROKER, unreg), CALL_TIMEOUT_MILLIS);
            assertEquals(ResponseCode.NO_PERMISSION, answer.getCode(), answer.getRemark());
        } finally {
            client.shutdown();
        }
        ClusterInfo info = unsigned.examineBrokerClusterInfo();
        assertNull(info.getBrokerAddrTable().get("intruder"));
        assertTrue(info.getBrokerAddrTable().containsKey(BROKER), "the real broker is still there");
    }
}
