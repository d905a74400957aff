package io.namesrv.docs;

import io.namesrv.namesrv.DaemonBootLine;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One start of the daemon the way a service manager starts it: the documented command line, in the
 * given working directory, with nothing of the test's environment but what a service manager passes
 * (PATH, HOME, USER) and the documented variables.
 */
final class ServiceRun implements AutoCloseable {

    /** systemd's and the Debian/Ubuntu images' PATH; the test's JDK first, where a real host has /usr/bin/java. */
    private static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private final Process process;
    private final List<String> output = new ArrayList<>();

    private ServiceRun(Process process) {
        this.process = process;
    }

    /** The environment a service manager gives a process of {@code user} with that home, plus {@code documented}. */
    static Map<String, String> environment(String user, Path home, Map<String, String> documented) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + DEFAULT_PATH);
        env.put("HOME", home.toString());
        env.put("USER", user);
        env.put("LOGNAME", user);
        env.putAll(documented);
        return env;
    }

    static ServiceRun start(List<String> command, Map<String, String> environment, Path workingDirectory)
        throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(environment);
        return new ServiceRun(pb.start());
    }

    /** Waits for the boot line and returns the remoting port it names. */
    int awaitBoot(Duration timeout) throws Exception {
        return DaemonBootLine.awaitPort(process, output, timeout);
    }

    /** The exit status, waiting at most {@code timeout}; null while it still runs. */
    Integer awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : null;
    }

    /** The exit status of a process that is to end by itself, reading its output meanwhile. */
    Integer awaitExitReading(Duration timeout) throws Exception {
        Thread reader = new Thread(() -> {
            try {
                String text = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                synchronized (output) {
                    output.addAll(List.of(text.split("\n")));
                }
            } catch (IOException e) {
                synchronized (output) {
                    output.add(e.toString());
                }
            }
        }, "service-output");
        reader.setDaemon(true);
        reader.start();
        Integer code = awaitExit(timeout);
        reader.join(TimeUnit.SECONDS.toMillis(10));
        return code;
    }

    /** SIGTERM, as systemd's KillSignal=SIGTERM and docker stop send it. */
    void terminate() {
        process.destroy();
    }

    long pid() {
        return process.pid();
    }

    String output() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }
}
