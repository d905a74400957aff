package io.namesrv.namesrv.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import io.namesrv.interop.support.Await;
import io.namesrv.namesrv.NamesrvController;
import io.namesrv.namesrv.TestNameServer;
import io.namesrv.namesrv.logging.NonBlockingAsyncAppender;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Never half alive: the whole daemon in-process, one of the threads it cannot work without is
 * killed (as an OutOfMemoryError or a bug would end it), and the server must fail as a whole. The
 * exit action (the process exit, in the daemon) is replaced by a recorder that asks /health at the
 * moment the exit begins: it must already answer 503 with the reason.
 */
class FailLoudlyTest {

    private static final Duration DETECTION = Duration.ofSeconds(20);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    /** What /health answered when the exit began, then the controller is stopped as a process would be. */
    private final class ExitRecorder implements Runnable {
        final CompletableFuture<String> healthAtExit = new CompletableFuture<>();
        volatile NamesrvController controller;

        @Override
        public void run() {
            try {
                healthAtExit.complete(health(controller.httpPort()));
            } catch (Exception e) {
                healthAtExit.completeExceptionally(e);
            }
            new Thread(controller::shutdown, "test-fatal-exit").start();
        }
    }

    private String health(int httpPort) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/health"))
            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() + " " + r.body();
    }

    private TestNameServer start(Path dir, ExitRecorder exit) throws InterruptedException {
        return TestNameServer.builder(dir).withHttp().beforeStart(controller -> {
            exit.controller = controller;
            controller.fatalErrors().exitWith(exit);
        }).start();
    }

    private static Set<Thread> threads() {
        return new HashSet<>(Thread.getAllStackTraces().keySet());
    }

    /** The live thread named {@code prefix...} that was not there in {@code before}. */
    private static Thread newThread(Set<Thread> before, String prefix) {
        return Await.until("a new thread " + prefix, Duration.ofSeconds(10), () -> threads().stream()
            .filter(t -> !before.contains(t) && t.isAlive() && t.getName().startsWith(prefix)).findFirst().orElse(null),
            t -> t != null);
    }

    /**
     * Throws a ThreadDeath into the thread where it stands, as an Error thrown in it would end it
     * (Netty's event loops let Errors end them; a thread stopped inside a lock operation may first
     * throw something else, as a real failure there could). A thread waiting in epoll gets it
     * when it next wakes up.
     */
    @SuppressWarnings({"deprecation", "removal"})
    private static void kill(Thread thread) {
        thread.stop();
    }

    private void assertFailedWith(ExitRecorder exit, String reason) throws Exception {
        String atExit = exit.healthAtExit.get(DETECTION.toSeconds(), TimeUnit.SECONDS);
        assertTrue(atExit.startsWith("503 {\"status\":\"DOWN\",\"reason\":\""), atExit);
        assertTrue(atExit.contains(reason), atExit);
    }

    @Test
    void theChannelEventThreadDying(@TempDir Path dir) throws Exception {
        ExitRecorder exit = new ExitRecorder();
        Set<Thread> before = threads();
        try (TestNameServer server = start(dir, exit)) {
            assertEquals("200 {\"status\":\"UP\"}", health(server.httpPort()));
            kill(newThread(before, "NettyEventExecutor"));
            assertFailedWith(exit, "the channel event thread");
        }
    }

    @Test
    void theAcceptorThreadDying(@TempDir Path dir) throws Exception {
        ExitRecorder exit = new ExitRecorder();
        Set<Thread> before = threads();
        try (TestNameServer server = start(dir, exit)) {
            kill(newThread(before, "NettyNIOBoss_"));
            try (Socket wakeUp = new Socket()) {
                wakeUp.connect(new InetSocketAddress("127.0.0.1", server.port()), 3000);
            }
            assertFailedWith(exit, "the acceptor thread stopped");
        }
    }

    @Test
    void aSelectorThreadDying(@TempDir Path dir) throws Exception {
        ExitRecorder exit = new ExitRecorder();
        Set<Thread> before = threads();
        try (TestNameServer server = start(dir, exit); Socket client = new Socket()) {
            client.connect(new InetSocketAddress("127.0.0.1", server.port()), 3000);
            OutputStream out = client.getOutputStream();
            kill(newThread(before, "NettyServerNIOSelector_"));
            out.write(0); // wakes the selector up
            out.flush();
            assertFailedWith(exit, "a selector thread stopped");
        }
    }

    @Test
    void aLogWriterThreadDying(@TempDir Path dir) throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        NonBlockingAsyncAppender async = new NonBlockingAsyncAppender();
        async.setContext(context);
        async.setName("FailLoudlyAsync");
        async.addAppender(context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().next());
        async.start();
        Logger logger = context.getLogger("FailLoudlyTest");
        logger.addAppender(async);
        ExitRecorder exit = new ExitRecorder();
        try (TestNameServer server = start(dir, exit)) {
            Thread worker = threads().stream().filter(t -> t.getName().equals("AsyncAppender-Worker-FailLoudlyAsync"))
                .findFirst().orElseThrow();
            kill(worker);
            assertFailedWith(exit, "the log writer thread AsyncAppender-Worker-FailLoudlyAsync died");
        } finally {
            logger.detachAppender(async);
            async.stop();
        }
    }
}
