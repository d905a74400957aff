package io.namesrv.interop.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * For crash-safety tests: a child JVM running {@code main}, which prints {@code ACK <what>} after
 * each write it considers durable, killed with SIGKILL a given time after its first ACK (so the
 * kill lands among the writes even on a loaded machine, where the first one can be slow).
 */
public final class AckingChild {

    private static final long FIRST_ACK_TIMEOUT_SECONDS = 60;

    private AckingChild() {
    }

    /** Runs {@code main} with {@code args}, kills it {@code millisAfterFirstAck} after its first ACK, returns its ACKs. */
    public static List<String> runAndKill(Class<?> main, List<String> args, long millisAfterFirstAck)
        throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", ChildClasspath.forChildren(), "-Dslf4j.provider=org.slf4j.helpers.NOP_SLF4JServiceProvider",
            main.getName()));
        command.addAll(args);
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> acks = new CopyOnWriteArrayList<>();
        CountDownLatch first = new CountDownLatch(1);
        Thread reader = new Thread(() -> readAcks(child, acks, first), "acking-child-reader-" + main.getSimpleName());
        reader.start();
        try {
            if (!first.await(FIRST_ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError(main.getSimpleName() + " acknowledged no write in " + FIRST_ACK_TIMEOUT_SECONDS + " s");
            }
            Thread.sleep(millisAfterFirstAck); // a moment among the writes: the point of such a test
        } finally {
            child.destroyForcibly();
            if (!child.waitFor(10, TimeUnit.SECONDS)) {
                throw new AssertionError(main.getSimpleName() + " did not die");
            }
            reader.join(10_000);
        }
        if (child.exitValue() != 137) {
            throw new AssertionError(main.getSimpleName() + " ended with " + child.exitValue() + ", not by SIGKILL");
        }
        return List.copyOf(acks);
    }

    private static void readAcks(Process child, List<String> acks, CountDownLatch first) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    acks.add(line.substring(4));
                    first.countDown();
                }
            }
        } catch (IOException e) {
            // The pipe breaks when the child is killed; what was read is what was acknowledged.
        }
    }
}
