package io.namesrv.namesrv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.interop.support.Await;
import io.namesrv.protocol.header.GetKVConfigRequestHeader;
import io.namesrv.protocol.header.PutKVConfigRequestHeader;
import io.namesrv.remoting.netty.NettyClientConfig;
import io.namesrv.remoting.netty.NettyRemotingClient;
import io.namesrv.remoting.netty.WireIdentity;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.RequestCode;
import io.namesrv.remoting.protocol.ResponseCode;
import io.namesrv.remoting.protocol.SerializeType;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution as an operator uses it, after {@code package}: {@code bin/mqnamesrv} starts and
 * prints the boot line, serves requests, and {@code bin/mqshutdown namesrv} stops it with exit
 * status 0 and the KV store persisted; a missing ROCKETMQ_HOME is a clear error.
 */
class NamesrvProcessIT {

    private final Path basedir = Path.of(System.getProperty("namesrv.basedir", ".")).toAbsolutePath();

    @Test
    void startServeAndShutDownCleanly(@TempDir Path dir) throws Exception {
        Path conf = dir.resolve("namesrv.properties");
        Path kv = dir.resolve("kv/kvConfig.json");
        Files.writeString(conf, "listenPort=0\nbindAddress=127.0.0.1\nhttpListenPort=0\nkvConfigPath=" + kv + "\n");
        ProcessBuilder pb = new ProcessBuilder(basedir.resolve("bin/mqnamesrv").toString(), "-c", conf.toString())
            .redirectErrorStream(true);
        pb.environment().put("JAVA_OPT_EXT", "-Duser.home=" + dir);
        pb.environment().remove("ROCKETMQ_HOME");
        Process p = pb.start();
        List<String> output = new ArrayList<>();
        try {
            int port = DaemonBootLine.awaitPort(p, output, Duration.ofSeconds(60));
            // the console says where the operations endpoint is (it follows bindAddress=127.0.0.1)
            Await.until("the HTTP endpoint line", Duration.ofSeconds(30), () -> {
                synchronized (output) {
                    return List.copyOf(output);
                }
            }, lines -> lines.stream().anyMatch(l -> l.startsWith("The operations HTTP endpoint listens on http://127.0.0.1:")));
            try (NettyRemotingClient client = new NettyRemotingClient(new NettyClientConfig(),
                new WireIdentity(WireIdentity.V5_3_3, SerializeType.JSON))) {
                String addr = "127.0.0.1:" + port;
                RemotingCommand put = client.invokeSync(addr, RemotingCommand.request(RequestCode.PUT_KV_CONFIG,
                    new PutKVConfigRequestHeader("ORDER_TOPIC_CONFIG", "TopicA", "broker-a:4")), 3000);
                assertEquals(ResponseCode.SUCCESS, put.getCode(), put.toString());
                RemotingCommand get = client.invokeSync(addr, RemotingCommand.request(RequestCode.GET_KV_CONFIG,
                    new GetKVConfigRequestHeader("ORDER_TOPIC_CONFIG", "TopicA")), 3000);
                assertEquals("broker-a:4", get.extField("value"));
            }
            Process shutdown = new ProcessBuilder(basedir.resolve("bin/mqshutdown").toString(), "namesrv")
                .redirectErrorStream(true).start();
            String said = new String(shutdown.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(shutdown.waitFor(20, TimeUnit.SECONDS));
            assertEquals(0, shutdown.exitValue(), said);
            assertTrue(said.contains("Send shutdown request to mqnamesrv(" + p.pid() + ") OK"), said);
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "name server did not stop: " + output);
            assertEquals(0, p.exitValue(), "exit status after SIGTERM: " + output);
            String stored = Files.readString(kv);
            assertTrue(stored.contains("\"TopicA\":\"broker-a:4\""), stored);
            assertTrue(Files.exists(dir.resolve("logs/rocketmqlogs/namesrv.log")), "namesrv.log under ~/logs/rocketmqlogs");
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void missingRocketmqHomeIsAClearErrorWithExitCodeMinusTwo(@TempDir Path dir) throws Exception {
        String cp = basedir.resolve("target/namesrv.jar") + File.pathSeparator + basedir.resolve("target/lib/*");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Duser.home=" + dir, "-cp", cp, "io.namesrv.namesrv.NamesrvStartup").redirectErrorStream(true);
        pb.environment().remove("ROCKETMQ_HOME");
        Process p = pb.start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(254, p.exitValue(), said);
        assertTrue(said.contains("Please set the ROCKETMQ_HOME variable in your environment"), said);
        assertTrue(!said.contains("Exception"), "no stack trace: " + said);
    }

    @Test
    void aPortAlreadyInUseIsOneClearLine(@TempDir Path dir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Path conf = dir.resolve("namesrv.properties");
            Files.writeString(conf, "listenPort=" + taken.getLocalPort() + "\nbindAddress=127.0.0.1\nhttpEnable=false\n"
                + "kvConfigPath=" + dir.resolve("kv/kvConfig.json") + "\n");
            ProcessBuilder pb = new ProcessBuilder(basedir.resolve("bin/mqnamesrv").toString(), "-c", conf.toString())
                .redirectErrorStream(true);
            pb.environment().put("JAVA_OPT_EXT", "-Duser.home=" + dir);
            pb.environment().remove("ROCKETMQ_HOME");
            Process p = pb.start();
            try {
                CompletableFuture<String> said = CompletableFuture.supplyAsync(() -> {
                    try {
                        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        return e.toString();
                    }
                });
                assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the name server neither started nor exited");
                String output = said.get(10, TimeUnit.SECONDS);
                assertEquals(255, p.exitValue(), output); // Apache's name server exits with -1 as well
                assertTrue(output.contains("The Name Server failed to start: cannot listen on 127.0.0.1:"
                    + taken.getLocalPort() + ": Address already in use"), output);
                assertTrue(!output.contains("Exception"), "no exception names or stack traces: " + output);
            } finally {
                p.destroyForcibly();
            }
        }
    }
}
