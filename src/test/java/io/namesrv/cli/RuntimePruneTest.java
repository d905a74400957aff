package io.namesrv.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/runtime.sh's pruning keeps every runtime directory a running process uses. The process list
 * is replaced by a fake {@code ps} whose output, like a busy host's, is far larger than a pipe's
 * buffer, with the daemon's command line first: a search that stops at the first match must not
 * be read as "not in use" (it was, through a pipe's SIGPIPE under pipefail, in CI).
 */
class RuntimePruneTest {

    private final Path basedir = Path.of(System.getProperty("namesrv.basedir", ".")).toAbsolutePath();

    @Test
    void aDirectoryOnARunningCommandLineSurvivesABusyProcessList(@TempDir Path tmp) throws Exception {
        Path runtime = Files.createDirectories(tmp.resolve("home/target/runtime"));
        Path inUse = Files.createDirectories(runtime.resolve("20261206-010000-111")).toRealPath();
        Path unused = Files.createDirectories(runtime.resolve("20261206-010500-222"));
        Path current = Files.createDirectories(runtime.resolve("20261206-011000-333"));
        Files.createSymbolicLink(runtime.resolve("current"), current.getFileName());

        Path fakeBin = Files.createDirectories(tmp.resolve("fakebin"));
        Path ps = fakeBin.resolve("ps");
        Files.writeString(ps, "#!/usr/bin/env bash\n"
            + "echo 'java -cp " + inUse + "/namesrv.jar:" + inUse + "/lib/* io.namesrv.namesrv.NamesrvStartup'\n"
            + "for i in $(seq 1 20000); do echo \"some-other-process --with a long command line number $i\"; done\n");
        Files.setPosixFilePermissions(ps, PosixFilePermissions.fromString("rwxr-xr-x"));

        for (int round = 0; round < 5; round++) {
            ProcessBuilder pb = new ProcessBuilder("bash", "-c",
                "set -euo pipefail; . \"$SCRIPTS/runtime.sh\"; prune_runtimes")
                .redirectErrorStream(true);
            pb.environment().put("PATH", fakeBin + ":" + System.getenv("PATH"));
            pb.environment().put("ROCKETMQ_HOME", tmp.resolve("home").toString());
            pb.environment().put("SCRIPTS", basedir.resolve("bin").toString());
            Process p = pb.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "prune did not finish");
            assertEquals(0, p.exitValue(), output);
            assertTrue(Files.isDirectory(inUse), "round " + round + ": the running daemon's code was deleted");
            assertTrue(Files.isDirectory(current), "the current build was deleted");
        }
        assertFalse(Files.exists(unused), "a directory no process uses is deleted");
    }
}
