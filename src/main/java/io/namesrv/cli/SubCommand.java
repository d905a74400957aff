package io.namesrv.cli;

import org.apache.commons.cli.Options;

/** One mqadmin subcommand: its name, help text, options and what it does. */
public interface SubCommand {

    String name();

    /** One line for the command list. */
    String description();

    /** Extra paragraphs for {@code mqadmin help <cmd>}: where it sends what, how it differs from Apache. */
    default String details() {
        return "";
    }

    /**
     * False for commands that talk only to the address they are given (the controller commands):
     * they then run without any name server address.
     */
    default boolean needsNameServer(org.apache.commons.cli.CommandLine line) {
        return true;
    }

    /** Adds this command's own options next to the common ones. */
    void addOptions(Options options);

    /** Runs the command; returning normally means exit code 0. */
    void execute(CommandContext ctx) throws CliException, InterruptedException;
}
