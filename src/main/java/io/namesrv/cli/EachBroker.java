package io.namesrv.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Runs one request per broker of a {@code -c cluster} and keeps going when one fails (Apache's
 * commands either stop at the first failure or print a stack trace and go on): each failure is
 * one line on stderr, and the command fails at the end, naming the brokers.
 */
final class EachBroker {

    private EachBroker() {
    }

    /** What is done to one broker; it prints its own success line. */
    interface Call {
        void run(String addr) throws CliException, InterruptedException;
    }

    /** The addresses where {@code call} failed, after trying every one. */
    static List<String> run(CommandContext ctx, String command, Collection<String> addrs, Call call)
        throws InterruptedException {
        List<String> failed = new ArrayList<>();
        for (String addr : addrs) {
            try {
                call.run(addr);
            } catch (CliException e) {
                ctx.err().println(command + ": " + e.getMessage());
                failed.add(addr);
            }
        }
        return failed;
    }

    static void failIfAny(List<String> failed, int total) throws CliException {
        if (!failed.isEmpty()) {
            throw new CliException("failed on " + failed.size() + " of " + total + " broker(s): "
                + String.join(", ", failed));
        }
    }
}
