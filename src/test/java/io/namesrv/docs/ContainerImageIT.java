package io.namesrv.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alibaba.fastjson2.JSON;
import io.namesrv.interop.support.FreePorts;
import io.namesrv.namesrv.http.HttpConfig;
import io.namesrv.remoting.protocol.ResponseCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/operations.md's Dockerfile, checked without Docker (CI has none): its COPY lines lay the
 * distribution out in a temporary "/" (the files the systemd install steps lay out, nothing else),
 * the base image's Java is new enough, EXPOSE names the default ports, and the ENTRYPOINT, run with
 * the image's ENV, its user's home and the documented {@code docker run} arguments, serves with its
 * state in the VOLUME, while the HEALTHCHECK command line succeeds against it and fails once it stopped.
 */
class ContainerImageIT {

    private static final Duration BOOT = Duration.ofMinutes(2);

    private final Path basedir = Path.of(System.getProperty("namesrv.basedir", ".")).toAbsolutePath();

    /** One Dockerfile instruction: its keyword and the rest of the line. */
    private record Instruction(String keyword, String arguments) {
    }

    @Test
    void theDocumentedImageHoldsARunnableDistribution(@TempDir Path tmp) throws Exception {
        String operations = MarkdownBlocks.read(basedir, "docs/operations.md");
        List<Instruction> dockerfile = parse(MarkdownBlocks.single(operations, "Container image", "dockerfile"));
        InstallRoot image = new InstallRoot(tmp.resolve("image"));

        String from = only(dockerfile, "FROM");
        int major = Integer.parseInt(matching("^eclipse-temurin:(\\d+)-jre$", from));
        int release = Integer.parseInt(matching("<maven.compiler.release>(\\d+)</maven.compiler.release>",
            MarkdownBlocks.read(basedir, "pom.xml")));
        assertTrue(major >= release, from + " runs the Java " + release + " classes");

        List<String> useradd = Arrays.asList(only(dockerfile, "RUN").split(" "));
        assertEquals("useradd", useradd.get(0));
        assertTrue(useradd.contains("--create-home") && !useradd.contains("--home-dir"), "a home at useradd's default place");
        String user = useradd.get(useradd.size() - 1);
        assertEquals(user, only(dockerfile, "USER"));
        String home = "/home/" + user;
        assertEquals(home, only(dockerfile, "VOLUME"), "the volume is the home, where logs, KV store and snapshot go");
        Files.createDirectories(image.path(home));

        Map<String, String> env = new LinkedHashMap<>();
        for (Instruction i : dockerfile) {
            if (i.keyword().equals("ENV")) {
                String[] kv = i.arguments().split("=", 2);
                env.put(kv[0], image.reroot(kv[1]));
            }
        }
        Path rocketmqHome = Path.of(env.get("ROCKETMQ_HOME"));
        for (Instruction i : dockerfile) {
            if (i.keyword().equals("COPY")) {
                String[] srcDest = i.arguments().split("\\s+");
                assertEquals(2, srcDest.length, i.toString());
                Path source = basedir.resolve(srcDest[0]);
                assertTrue(Files.exists(source), "COPY source missing after package: " + srcDest[0]);
                Path dest = image.path(srcDest[1]);
                assertTrue(dest.startsWith(rocketmqHome), "COPY into ROCKETMQ_HOME: " + i);
                copy(source, dest);
            }
        }
        assertFalse(Files.exists(rocketmqHome.resolve("pom.xml")), "an installed distribution, never rebuilt");
        InstallRoot host = new InstallRoot(tmp.resolve("host"));
        String operationsUnit = matching("(?m)^# /etc/systemd/system/(\\S+)\\.service$", operations);
        InstallSteps.run(MarkdownBlocks.single(operations, "systemd", "sh"), basedir, host, operationsUnit,
            "mvn -B -DskipTests package");
        assertEquals(InstallRoot.files(host.path("/opt/namesrv")), InstallRoot.files(rocketmqHome),
            "the image holds what the systemd install steps install");
        assertTrue(matching("(?m)^# Build: (.*)$", MarkdownBlocks.single(operations, "Container image", "dockerfile"))
            .startsWith("mvn -B -DskipTests package && docker build"), "the image is built from package's output");

        List<String> entrypoint = JSON.parseArray(only(dockerfile, "ENTRYPOINT"), String.class);
        assertEquals(List.of(rocketmqHome.resolve("bin/mqnamesrv").toString()),
            entrypoint.stream().map(image::reroot).toList());
        Map<String, String> environment = ServiceRun.environment(user, image.path(home), env);

        // EXPOSE: the ports the daemon listens on when nothing says otherwise, as -p prints them.
        List<String> printCommand = new ArrayList<>(entrypoint.stream().map(image::reroot).toList());
        printCommand.add("-p");
        Set<String> defaults = new TreeSet<>();
        try (ServiceRun print = ServiceRun.start(printCommand, environment, image.root())) {
            assertEquals(0, print.awaitExitReading(BOOT), print.output());
            defaults.add(matching("(?m)^listenPort=(\\d+)$", print.output()));
            defaults.add(matching("(?m)^httpListenPort=(\\d+)$", print.output()));
        }
        assertEquals(defaults, new TreeSet<>(Arrays.asList(only(dockerfile, "EXPOSE").split(" "))));

        // docker run -v $PWD/namesrv.properties:/etc/namesrv.properties ... namesrv -c /etc/namesrv.properties
        String mounted = matching("-v \\$PWD/namesrv.properties:(\\S+)`", operations);
        int httpPort = FreePorts.single();
        Files.createDirectories(image.path(mounted).getParent());
        Files.writeString(image.path(mounted), "listenPort=" + FreePorts.single() + "\nbindAddress=127.0.0.1\nhttpListenPort="
            + httpPort + "\n");
        List<String> run = new ArrayList<>(printCommand.subList(0, 1));
        run.addAll(Arrays.asList(image.reroot(matching("`docker run \\.\\.\\. namesrv ([^`]+)`", operations)).split(" ")));
        String healthcheck = only(dockerfile, "HEALTHCHECK");
        Duration healthTimeout = Duration.ofSeconds(Long.parseLong(matching("--timeout=(\\d+)s", healthcheck)));
        List<String> probe = JSON.parseArray(matching("CMD (\\[.*\\])$", healthcheck), String.class);
        String defaultHttp = "/" + HttpConfig.DEFAULT_PORT;
        assertTrue(probe.stream().anyMatch(a -> a.contains(defaultHttp)), "the probe asks the default HTTP port: " + probe);
        List<String> probeHere = probe.stream().map(a -> a.replace(defaultHttp, "/" + httpPort)).toList();
        Path volume = image.path(home);
        try (ServiceRun container = ServiceRun.start(run, environment, image.root())) {
            int port = container.awaitBoot(BOOT);
            assertEquals(ResponseCode.SUCCESS, KvRequests.put(port, "TopicA", "broker-a:4"));
            assertEquals(0, exitOf(probeHere, healthTimeout), "HEALTHCHECK against a running server");
            container.terminate();
            Integer code = container.awaitExit(Duration.ofSeconds(30));
            assertNotNull(code, "still running 30 s after SIGTERM: " + container.output());
            assertEquals(0, code, container.output());
        }
        assertNotEquals(0, exitOf(probeHere, healthTimeout), "HEALTHCHECK once the server stopped");
        assertTrue(Files.isRegularFile(volume.resolve("logs/rocketmqlogs/namesrv.log")), "logs in the volume");
        assertTrue(Files.readString(volume.resolve("namesrv/kvConfig.json")).contains("broker-a:4"), "KV store in the volume");
        assertTrue(Files.isRegularFile(volume.resolve("namesrv/routeSnapshot.json")), "route snapshot in the volume");
    }

    private static List<Instruction> parse(String dockerfile) {
        List<Instruction> instructions = new ArrayList<>();
        for (String line : dockerfile.split("\n")) {
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            assertFalse(s.endsWith("\\"), "a continued line this test does not read: " + s);
            String[] kw = s.split("\\s+", 2);
            instructions.add(new Instruction(kw[0], kw[1].strip()));
        }
        return instructions;
    }

    private static String only(List<Instruction> dockerfile, String keyword) {
        List<String> found = dockerfile.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
        assertEquals(1, found.size(), keyword + " lines: " + found);
        return found.get(0);
    }

    private static String matching(String regex, String text) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), regex + " not found");
        return m.group(1);
    }

    /** COPY's semantics for what the Dockerfile copies: a file to a file, a directory's contents into a directory. */
    private static void copy(Path source, Path dest) throws IOException {
        if (Files.isRegularFile(source)) {
            Files.createDirectories(dest.getParent());
            Files.copy(source, dest, StandardCopyOption.COPY_ATTRIBUTES);
            return;
        }
        try (Stream<Path> all = Files.walk(source)) {
            for (Path p : all.collect(Collectors.toList())) {
                Path target = dest.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static int exitOf(List<String> command, Duration timeout) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command + " outlived the HEALTHCHECK --timeout");
        }
        return p.exitValue();
    }
}
