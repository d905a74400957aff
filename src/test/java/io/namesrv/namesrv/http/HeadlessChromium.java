package io.namesrv.namesrv.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Chromium, headless, driven from its command line: it loads a page, lets the page's
 * scripts run for a budget of virtual time (network waits do not use it up), then prints the
 * rendered DOM and saves a screenshot. No WebDriver, no DevTools client: one process per
 * rendering, killed with its children if it overruns. The page's console (errors, CSP
 * violations) is read from Chromium's log.
 */
final class HeadlessChromium {

    /** Where Debian's {@code chromium} package puts it; {@code CHROMIUM} overrides. */
    static final Path DEFAULT_BINARY = Path.of("/usr/bin/chromium");
    static final String INSTALL_HINT = "apt-get install -y chromium";
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(120);
    private static final int VIRTUAL_TIME_BUDGET_MILLIS = 6000;

    /** What Chromium made of the page: its DOM after the scripts ran, and what the page logged. */
    record Rendering(String dom, List<String> console, Path screenshot) {
    }

    private final Path binary;
    private final Path profiles;

    /** @param workDir a private folder for Chromium's profiles and logs */
    HeadlessChromium(Path workDir) {
        String override = System.getenv("CHROMIUM");
        this.binary = override == null || override.isBlank() ? DEFAULT_BINARY : Path.of(override);
        if (!Files.isExecutable(binary)) {
            throw new AssertionError("the status console's browser test needs Debian's headless Chromium at " + binary
                + " (install it with: " + INSTALL_HINT + ", or point CHROMIUM at a Chromium binary)");
        }
        this.profiles = workDir;
    }

    /** Renders {@code page} in a window of {@code width} x {@code height}, saving a PNG screenshot. */
    Rendering render(URI page, Path screenshot, int width, int height) {
        try {
            Files.createDirectories(screenshot.getParent());
            Path profile = Files.createTempDirectory(profiles, "profile-");
            Path out = profile.resolve("dom.html");
            Path log = profile.resolve("chromium.log");
            List<String> command = new ArrayList<>(List.of(binary.toString(),
                "--headless",
                // As root (CI, this machine) the sandbox cannot start; the page is our own.
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                // The machine's network is closed: no background calls to Google's services.
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--disable-extensions", "--no-first-run", "--no-default-browser-check",
                "--user-data-dir=" + profile,
                "--enable-logging=stderr", "--v=0",
                "--hide-scrollbars", "--run-all-compositor-stages-before-draw",
                "--virtual-time-budget=" + VIRTUAL_TIME_BUDGET_MILLIS,
                "--window-size=" + width + "," + height,
                "--screenshot=" + screenshot,
                "--dump-dom",
                page.toString()));
            Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(log.toFile())
                .start();
            // The renderer, GPU and zygote processes are children: noted while it runs, so that none
            // outlives the run even when Chromium itself has to be killed.
            Set<ProcessHandle> children = new HashSet<>();
            boolean done = false;
            long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
            try {
                while (!done && System.nanoTime() - deadline < 0) {
                    process.descendants().forEach(children::add);
                    done = process.waitFor(200, TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                process.destroyForcibly();
                children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            }
            String logText = Files.readString(log, StandardCharsets.UTF_8);
            if (!done) {
                throw new AssertionError("Chromium did not finish within " + RUN_TIMEOUT + "; its log:\n" + logText);
            }
            if (process.exitValue() != 0 || !Files.exists(screenshot)) {
                throw new AssertionError("Chromium exited " + process.exitValue() + " without a screenshot; its log:\n"
                    + logText);
            }
            List<String> console = logText.lines().filter(l -> l.contains(":CONSOLE")).toList();
            return new Rendering(Files.readString(out, StandardCharsets.UTF_8), console, screenshot);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
