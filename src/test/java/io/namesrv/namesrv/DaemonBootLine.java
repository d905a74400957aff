package io.namesrv.namesrv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Waits for a daemon started from {@code bin/} or a jar to print its boot line, and reads its port from it. */
public final class DaemonBootLine {

    private static final Pattern BOOT = Pattern.compile(
        "The Name Server boot success\\. serializeType=JSON, address 127\\.0\\.0\\.1:(\\d+)");

    private DaemonBootLine() {
    }

    /**
     * Reads the process output (on a named daemon thread, for the whole life of the process) into
     * {@code output}, which callers read under its own lock; returns the port of the boot line, or
     * fails when the process ends first or {@code timeout} passes.
     */
    public static int awaitPort(Process p, List<String> output, Duration timeout) throws Exception {
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (output) {
                        output.add(line);
                    }
                    Matcher m = BOOT.matcher(line);
                    if (m.find()) {
                        port.complete(Integer.parseInt(m.group(1)));
                    }
                }
                port.completeExceptionally(new IOException("process ended before the boot line: " + output));
            } catch (IOException e) {
                port.completeExceptionally(e);
            }
        }, "mqnamesrv-output");
        reader.setDaemon(true);
        reader.start();
        return port.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
