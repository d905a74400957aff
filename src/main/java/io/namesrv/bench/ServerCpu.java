package io.namesrv.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time a server process has used so far (user + system, all threads), from
 * {@code /proc/<pid>/stat}. CPU per call is the figure that a noisy, shared machine disturbs
 * least: throughput moves with whatever else runs, the work per call does not.
 */
final class ServerCpu {

    /** For a server whose pid is unknown (or not on this machine): nothing is measured. */
    static final ServerCpu NONE = new ServerCpu(null, 0);

    private final Path stat;
    private final long nanosPerTick;

    private ServerCpu(Path stat, long nanosPerTick) {
        this.stat = stat;
        this.nanosPerTick = nanosPerTick;
    }

    static ServerCpu of(Long pid) {
        if (pid == null) {
            return NONE;
        }
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        return Files.isReadable(stat) ? new ServerCpu(stat, 1_000_000_000L / clockTicksPerSecond()) : NONE;
    }

    /** Cumulative CPU nanoseconds, or -1 when unknown. */
    long nanos() {
        if (stat == null) {
            return -1;
        }
        try {
            String s = Files.readString(stat, StandardCharsets.US_ASCII);
            // The command name may hold spaces and parentheses: fields count from the last ')'.
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            // utime and stime are fields 14 and 15 of the line; f[0] is field 3 (state).
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * nanosPerTick;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Microseconds of server CPU per call between two readings, or NaN. */
    static double microsPerOp(long before, long after, long ops) {
        return before < 0 || after < 0 || ops <= 0 ? Double.NaN : (after - before) / 1000.0 / ops;
    }

    private static long clockTicksPerSecond() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            p.waitFor();
            return Long.parseLong(out);
        } catch (IOException | RuntimeException e) {
            return 100; // the Linux USER_HZ almost everywhere
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
