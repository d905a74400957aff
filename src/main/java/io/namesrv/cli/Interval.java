package io.namesrv.cli;

/** The {@code -i} option of the commands that repeat: seconds between rounds, 0 for one round. */
final class Interval {

    private Interval() {
    }

    static long seconds(CommandContext ctx) throws CliException {
        if (!ctx.line().hasOption("i")) {
            return 0;
        }
        try {
            return Long.parseLong(ctx.line().getOptionValue("i").trim());
        } catch (NumberFormatException e) {
            throw CliException.usage("-i must be a number of seconds");
        }
    }
}
