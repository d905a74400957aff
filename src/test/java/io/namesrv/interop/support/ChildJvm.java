package io.namesrv.interop.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * A Java main class running in a child process. Output (stdout and stderr) goes to one log file;
 * {@link #close()} stops the whole process tree, politely first, and a shutdown hook does the
 * same if the test JVM exits while the child is still running.
 */
public final class ChildJvm implements AutoCloseable {

    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(10);
    private static final Duration FORCED_STOP = Duration.ofSeconds(10);
    private static final long POLL_MILLIS = 50;

    private final String name;
    private final Process process;
    private final Path logFile;
    private final Thread reaper;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ChildJvm(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.reaper = new Thread(() -> stop(Duration.ZERO), "child-jvm-reaper-" + name);
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    public static Builder builder(String name, String mainClass) {
        return new Builder(name, mainClass);
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Waits until the log holds a line matching {@code pattern} (searched from the start of the
     * log) and returns it. Fails early if the child exits, and after {@code timeout} otherwise;
     * both failures carry the end of the log.
     */
    public String waitForLine(Pattern pattern, Duration timeout) {
        LogTail tail = new LogTail(logFile);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            boolean aliveBeforeRead = process.isAlive();
            for (String line : tail.newLines()) {
                if (pattern.matcher(line).find()) {
                    return line;
                }
            }
            if (!aliveBeforeRead) {
                throw new IllegalStateException(name + " exited with " + process.exitValue()
                        + " before printing /" + pattern + "/; log " + logFile + " ends with:\n"
                        + LogTail.lastLines(logFile, 40));
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException(name + " did not print /" + pattern + "/ within "
                        + timeout + "; log " + logFile + " ends with:\n" + LogTail.lastLines(logFile, 40));
            }
            sleep(POLL_MILLIS);
        }
    }

    /**
     * SIGTERM alone, never followed by SIGKILL: for tests that watch how the child stops by itself.
     * Through the process handle: {@code Process.destroy()} would also close the child's stdin,
     * which {@link ParentWatchdog} takes for the test JVM being gone.
     */
    public void terminate() {
        process.toHandle().destroy();
    }

    /** The exit status once the process has ended, waiting up to {@code timeout}; null if it is still running. */
    public Integer awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name + " to exit", e);
        }
    }

    /**
     * SIGSTOP to the process and its descendants: a host that hangs (a long GC pause, a VM
     * suspended) keeps its sockets open but answers nothing, unlike a crash. {@link #thaw()} resumes it.
     */
    public void freeze() {
        signal("STOP");
    }

    /** SIGCONT after {@link #freeze()}: the process resumes where it stopped. */
    public void thaw() {
        signal("CONT");
    }

    private void signal(String name) {
        List<String> command = new ArrayList<>(List.of("kill", "-" + name));
        command.add(Long.toString(process.pid()));
        process.descendants().forEach(d -> command.add(Long.toString(d.pid())));
        try {
            Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: "
                    + new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending SIG" + name, e);
        }
    }

    /** SIGKILL, as a crash would; waits (bounded) until the process is gone. */
    public void kill() {
        stop(Duration.ZERO);
    }

    /** Stops the process tree: SIGTERM, then SIGKILL after 10 s. Idempotent. */
    @Override
    public void close() {
        stop(GRACEFUL_STOP);
    }

    /**
     * Stops the process tree: SIGTERM, then SIGKILL to whatever is still alive after
     * {@code grace} (none: SIGKILL at once). Only the first stop, close or kill has an effect.
     */
    public void stop(Duration grace) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        if (!grace.isZero()) {
            tree.forEach(ProcessHandle::destroy);
            awaitExit(tree, grace);
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        awaitExit(tree, FORCED_STOP);
        if (Thread.currentThread() != reaper) {
            try {
                Runtime.getRuntime().removeShutdownHook(reaper);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to: it will find the process already stopped
            }
        }
    }

    private static void awaitExit(List<ProcessHandle> tree, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ProcessHandle handle : tree) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                handle.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (Exception notYet) {
                // timed out or interrupted: the caller escalates or gives up, bounded either way
                if (notYet instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a child JVM", e);
        }
    }

    @Override
    public String toString() {
        return name + "[pid " + process.pid() + ", log " + logFile + "]";
    }

    /** Collects what a child JVM needs; {@link #start()} launches it. */
    public static final class Builder {

        private final String name;
        private final String mainClass;
        private String classpath;
        private final List<String> jvmOptions = new ArrayList<>(PeerJvmOptions.OPENS);
        private final Map<String, String> systemProperties = new LinkedHashMap<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private final List<String> args = new ArrayList<>();
        private Path workDir;
        private Path logFile;

        private Builder(String name, String mainClass) {
            this.name = name;
            this.mainClass = mainClass;
        }

        /** Defaults to {@link ChildClasspath#forChildren()}. */
        public Builder classpath(String classpath) {
            this.classpath = classpath;
            return this;
        }

        /** Added after {@link PeerJvmOptions#OPENS}, e.g. {@code -Xmx512m}. */
        public Builder jvmOption(String option) {
            jvmOptions.add(option);
            return this;
        }

        public Builder systemProperty(String key, String value) {
            systemProperties.put(key, value);
            return this;
        }

        public Builder env(String key, String value) {
            environment.put(key, value);
            return this;
        }

        public Builder args(String... values) {
            args.addAll(List.of(values));
            return this;
        }

        /** Defaults to a fresh directory from {@link PeerDirs}. */
        public Builder workDir(Path dir) {
            this.workDir = dir;
            return this;
        }

        /** Defaults to {@code <workDir>/<name>.log}. */
        public Builder logFile(Path file) {
            this.logFile = file;
            return this;
        }

        public ChildJvm start() {
            Path dir = workDir != null ? workDir : PeerDirs.create(name);
            Path log = logFile != null ? logFile : dir.resolve(name + ".log");
            String cp = classpath != null ? classpath : ChildClasspath.forChildren();
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            systemProperties.forEach((k, v) -> command.add("-D" + k + "=" + v));
            command.add("-cp");
            command.add(cp);
            command.add(ParentWatchdog.class.getName());
            command.add(mainClass);
            command.addAll(args);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            try {
                Files.createDirectories(log.toAbsolutePath().getParent());
                // the command heads the log, with the (long) classpath elided for readability
                String shown = String.join(" ", command).replace(cp, "<test classpath>");
                Files.writeString(log, "# " + shown + System.lineSeparator());
                // stdin stays a pipe held by this JVM: its end-of-file tells the child we are gone
                return new ChildJvm(name, builder.start(), log);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start " + name, e);
            }
        }
    }
}
