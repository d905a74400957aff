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

    /** Adds this command's own options next to the common ones. */
    void addOptions(Options options);

    /** Runs the command; returning normally means exit code 0. */
    void execute(CommandContext ctx) throws CliException, InterruptedException;
}
