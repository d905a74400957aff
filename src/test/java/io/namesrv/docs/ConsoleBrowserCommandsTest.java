package io.namesrv.docs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.interop.support.ApacheWireClient;
import io.namesrv.interop.support.FakeBroker;
import io.namesrv.interop.support.NameServerProcess;
import io.namesrv.remoting.protocol.ResponseCode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The by-hand Chromium commands of docs/operations.md ("Checking the status page in a real
 * browser"), run as written against a name server with a registered broker (the port substituted):
 * the screenshot is a PNG and the DOM line prints the broker's data-addr attribute.
 * StatusConsoleBrowserTest checks the page itself; this checks the commands operators copy.
 */
class ConsoleBrowserCommandsTest {

    private static final String DOCUMENTED_URL = "http://127.0.0.1:9877/";
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G'};

    @Test
    void theDocumentedChromiumCommandsShowTheBroker(@TempDir Path cwd) throws Exception {
        String block = MarkdownBlocks.single(MarkdownBlocks.read(Path.of("."), "docs/operations.md"),
            "Checking the status page in a real browser", "sh");
        assertTrue(block.contains(DOCUMENTED_URL), block);
        FakeBroker broker = new FakeBroker("DefaultCluster", "broker-docs", 0, "127.0.0.1:10911", "127.0.0.1:10912",
            List.of(), 1);
        try (NameServerProcess server = NameServerProcess.ours();
             ApacheWireClient wire = new ApacheWireClient(server.address())) {
            // the broker's connection stays open while the page is rendered: a closed one would remove it
            assertEquals(ResponseCode.SUCCESS, wire.invoke(broker.registerRequest()).getCode());
            Matcher http = Pattern.compile("listens on (http://127\\.0\\.0\\.1:\\d+/)").matcher(
                server.waitForLine(Pattern.compile("The operations HTTP endpoint listens on"), Duration.ofSeconds(30)));
            assertTrue(http.find());
            Process p = new ProcessBuilder("bash", "-c", block.replace(DOCUMENTED_URL, http.group(1)))
                .directory(cwd.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String stdout;
            try (InputStream out = p.getInputStream()) {
                stdout = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertTrue(p.waitFor(3, TimeUnit.MINUTES), "the documented chromium commands did not finish");
            assertEquals(0, p.exitValue(), stdout);
            assertTrue(stdout.contains("data-addr=\"" + broker.addr() + "\""), "the DOM line: " + stdout);
            byte[] png = Files.readAllBytes(cwd.resolve("status.png"));
            assertArrayEquals(PNG_MAGIC, Arrays.copyOf(png, PNG_MAGIC.length), "status.png is a PNG");
        }
    }
}
