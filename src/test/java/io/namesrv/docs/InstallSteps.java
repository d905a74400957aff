package io.namesrv.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the install steps of docs/operations.md (its ```sh block under "systemd") into an
 * {@link InstallRoot}, line by line as written: the file-moving commands (mkdir, cp) for real, from
 * the checkout after {@code package}; the build, the account and systemctl are checked, since a
 * test can neither build twice nor be root. A step of another kind fails the test, so the docs
 * cannot grow a step that no test runs.
 */
final class InstallSteps {

    /** What the steps made: the account's name and its home (re-rooted). */
    record Result(String user, Path home) {
    }

    private InstallSteps() {
    }

    static Result run(String block, Path checkout, InstallRoot root, String unitName, String buildCommand)
        throws IOException, InterruptedException {
        String user = null;
        Path home = null;
        List<String> systemctl = new ArrayList<>();
        boolean built = false;
        for (String raw : block.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String command = line.startsWith("sudo ") ? line.substring("sudo ".length()) : line;
            List<String> words = Arrays.asList(command.split("\\s+"));
            switch (words.get(0)) {
                case "mvn" -> {
                    // the distribution is what this build leaves in target/: the IT runs after it (failsafe)
                    assertEquals(buildCommand, command, "the documented build");
                    assertTrue(Files.isRegularFile(checkout.resolve("target/namesrv.jar")), "package has run");
                    built = true;
                }
                case "useradd" -> {
                    int dir = words.indexOf("--home-dir");
                    assertTrue(dir > 0 && words.contains("--create-home"), "the account gets a home of its own: " + line);
                    home = root.path(words.get(dir + 1));
                    Files.createDirectories(home);
                    user = words.get(words.size() - 1);
                }
                case "mkdir", "cp" -> shell(root.reroot(command), checkout);
                case "systemctl" -> systemctl.add(command);
                default -> throw new AssertionError("an install step this test cannot run: " + line);
            }
        }
        assertTrue(built, "the steps start with the build");
        assertEquals(List.of("systemctl daemon-reload", "systemctl enable --now " + unitName), systemctl,
            "systemd is told of the unit and starts it");
        assertTrue(user != null, "the steps create the unit's account");
        return new Result(user, home);
    }

    private static void shell(String command, Path cwd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "-euc", command).directory(cwd.toFile()).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), command);
        assertEquals(0, p.exitValue(), command + ": " + said);
    }
}
