package io.namesrv.namesrv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.interop.support.Await;
import io.namesrv.interop.support.FreePorts;
import io.namesrv.protocol.header.PutKVConfigRequestHeader;
import io.namesrv.remoting.netty.NettyClientConfig;
import io.namesrv.remoting.netty.NettyRemotingClient;
import io.namesrv.remoting.netty.WireIdentity;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.RequestCode;
import io.namesrv.remoting.protocol.SerializeType;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The code of a running name server changes under it (a jar rewritten in place, as Maven did
 * before bin/ built elsewhere, or an installation overwritten during an upgrade): the next
 * request that needs a class not yet loaded fails with a LinkageError. A server in that state
 * can never serve those requests again, so it must not answer /health with 200: it reports the
 * failure in one line, /health goes DOWN and the process exits with status 3 (as for any fatal
 * error), so a supervisor restarts it on the new code.
 */
class BrokenCodeHealthIT {

    private final Path basedir = Path.of(System.getProperty("namesrv.basedir", ".")).toAbsolutePath();

    @Test
    void aJarRewrittenUnderTheServerTakesItDown(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("namesrv.jar");
        Files.copy(basedir.resolve("target/namesrv.jar"), jar);
        int port = FreePorts.single();
        int httpPort = FreePorts.single();
        Path conf = dir.resolve("namesrv.properties");
        Files.writeString(conf, "listenPort=" + port + "\nbindAddress=127.0.0.1\nhttpListenPort=" + httpPort
            + "\nhttpBindAddress=127.0.0.1\nkvConfigPath=" + dir.resolve("kvConfig.json") + "\n");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx256m", "-Duser.home=" + dir, "-Drocketmq.home.dir=" + basedir,
            "-cp", jar + File.pathSeparator + basedir.resolve("target/lib/*"),
            "io.namesrv.namesrv.NamesrvStartup", "-c", conf.toString()).redirectErrorStream(true);
        Process p = pb.start();
        StringBuffer output = new StringBuffer();
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> copy(p.getInputStream(), output));
        try {
            Await.until("the boot line or the end of the process", Duration.ofSeconds(60),
                () -> output.toString().contains("boot success") || !p.isAlive());
            assertTrue(output.toString().contains("boot success"), output.toString());
            assertEquals(200, health(httpPort).statusCode());

            InPlaceJarRewrite.rewrite(jar);
            try (NettyRemotingClient client = new NettyRemotingClient(new NettyClientConfig(),
                new WireIdentity(WireIdentity.V5_3_3, SerializeType.JSON))) {
                client.invokeSync("127.0.0.1:" + port, RemotingCommand.request(RequestCode.PUT_KV_CONFIG,
                    new PutKVConfigRequestHeader("ORDER_TOPIC_CONFIG", "TopicA", "broker-a:4")), 3000);
            } catch (Exception e) {
                // the request may fail in any way: what matters is what the server says about itself next
            }
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "a server whose code is broken keeps running: " + output);
            assertEquals(3, p.exitValue(), output.toString());
            assertTrue(output.toString().contains("The Name Server cannot go on and exits: java.lang.NoClassDefFoundError"),
                output.toString());
        } finally {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
            reader.get(30, TimeUnit.SECONDS);
        }
    }

    private static HttpResponse<String> health(int httpPort) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/health"))
            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void copy(InputStream in, StringBuffer into) {
        try {
            byte[] buf = new byte[4096];
            int n;
            while ((n = in.read(buf)) > 0) {
                into.append(new String(buf, 0, n, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            into.append(e);
        }
    }
}
