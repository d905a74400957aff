package io.namesrv.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server process seen from outside: resident memory from {@code /proc/<pid>/status} and the
 * Java heap in use right after a full collection, via the JDK's {@code jcmd}. Public for the
 * hostile-registration run in the tests, which reads both servers' memory the same way.
 */
public final class ServerProbe {

    private static final Pattern VM_RSS = Pattern.compile("^VmRSS:\\s+(\\d+)\\s+kB", Pattern.MULTILINE);
    /** G1's one heap line, or each generation's line of the serial and parallel collectors. */
    private static final Pattern HEAP_USED = Pattern.compile("(?m)^\\s*\\S.*(?:heap|generation|Gen)\\s+total \\d+K, used (\\d+)K");

    /** The jcmd commands behind "heap after GC", as docs/performance.md names them. */
    static final String FULL_GC = "GC.run";
    static final String HEAP_INFO = "GC.heap_info";

    private ServerProbe() {
    }

    /** Memory figures in MiB; NaN where they could not be read. */
    public record Memory(double rssMiB, double heapAfterGcMiB) {
    }

    public static Memory measure(long pid) {
        return new Memory(rssMiB(pid), heapAfterGcMiB(pid));
    }

    static double rssMiB(long pid) {
        try {
            Matcher m = VM_RSS.matcher(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
            return m.find() ? Long.parseLong(m.group(1)) / 1024.0 : Double.NaN;
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    static double heapAfterGcMiB(long pid) {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        if (jcmd(jcmd, pid, FULL_GC) == null) {
            return Double.NaN;
        }
        String info = jcmd(jcmd, pid, HEAP_INFO);
        if (info == null) {
            return Double.NaN;
        }
        Matcher m = HEAP_USED.matcher(info);
        long usedKb = 0;
        boolean found = false;
        while (m.find()) {
            usedKb += Long.parseLong(m.group(1));
            found = true;
        }
        return found ? usedKb / 1024.0 : Double.NaN;
    }

    private static String jcmd(String jcmd, long pid, String command) {
        try {
            Process p = new ProcessBuilder(List.of(jcmd, Long.toString(pid), command)).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return null;
            }
            return out;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
