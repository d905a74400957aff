package io.namesrv.cli.support;

import io.namesrv.interop.support.ChildClasspath;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** The real script, bin/mqadmin, run as an operator runs it (without NAMESRV_ADDR), bounded to 30 s. */
public final class BinMqadmin {

    private BinMqadmin() {
    }

    /** What one run printed and how it exited. */
    public record Run(int exitCode, String out, String err) {
    }

    public static Run run(Path tmp, String... args) throws IOException, InterruptedException {
        return run(tmp, Map.of(), args);
    }

    /** With {@code environment} added, e.g. {@code JAVA_OPT_EXT=-Drocketmq.namesrv.domain=...}. */
    public static Run run(Path tmp, Map<String, String> environment, String... args)
        throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of("bin", "mqadmin").toAbsolutePath().toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("MQADMIN_CLASSPATH", runtimeLikeClasspath());
        pb.environment().remove("NAMESRV_ADDR");
        pb.environment().putAll(environment);
        Process p = pb.start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("bin/mqadmin " + String.join(" ", args) + " did not finish in 30 s");
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
    }

    // Our classes and jars without Apache's shaded SLF4J bridge, which would make SLF4J warn about two
    // providers on stderr: a real installation (target/lib) has only logback.
    private static String runtimeLikeClasspath() {
        return Arrays.stream(ChildClasspath.forChildren().split(File.pathSeparator))
            .filter(entry -> !entry.contains("aliyunmq"))
            .collect(Collectors.joining(File.pathSeparator));
    }
}
