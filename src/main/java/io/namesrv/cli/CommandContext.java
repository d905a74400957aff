package io.namesrv.cli;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONWriter;
import io.namesrv.protocol.JsonBodies;
import java.io.PrintStream;
import org.apache.commons.cli.CommandLine;

/** What a running subcommand works with: its parsed options, the client and the output streams. */
public final class CommandContext {

    private final CommandLine line;
    private final AdminClient client;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean json;
    private final JsonBodies bodies = new JsonBodies();

    public CommandContext(CommandLine line, AdminClient client, PrintStream out, PrintStream err) {
        this.line = line;
        this.client = client;
        this.out = out;
        this.err = err;
        this.json = line.hasOption(CommonOptions.JSON);
    }

    public CommandLine line() {
        return line;
    }

    public AdminClient client() {
        return client;
    }

    public PrintStream out() {
        return out;
    }

    /** For warnings that do not fail the command (e.g. one broker's stats could not be fetched). */
    public PrintStream err() {
        return err;
    }

    /** True when {@code --json} asked for machine-readable output. */
    public boolean json() {
        return json;
    }

    public JsonBodies bodies() {
        return bodies;
    }

    /** A required option's trimmed value; blank counts as missing. */
    public String required(String opt, String what) throws CliException {
        String v = line.getOptionValue(opt);
        if (v == null || v.isBlank()) {
            throw CliException.usage("missing " + what + " (-" + opt + ")");
        }
        return v.trim();
    }

    /** An option's trimmed value, or null when it is absent. */
    public String trimmed(String opt) {
        String v = line.getOptionValue(opt);
        return v == null ? null : v.trim();
    }

    /** A {@code true|false} option; absent is false. Anything else is refused (Apache would read a typo as false). */
    public boolean flag(String opt) throws CliException {
        String v = trimmed(opt);
        if (v == null || v.equalsIgnoreCase("false")) {
            return false;
        }
        if (v.equalsIgnoreCase("true")) {
            return true;
        }
        throw CliException.usage("-" + opt + " takes true or false, not '" + v + "'");
    }

    /** A whole-number option, or {@code absent} when it is not given. */
    public int intOption(String opt, int absent) throws CliException {
        String v = trimmed(opt);
        if (v == null) {
            return absent;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw CliException.usage("-" + opt + " takes a whole number, not '" + v + "'");
        }
    }

    /**
     * Prints a result document for {@code --json}: pretty, fields in declaration order, and
     * strict JSON, so map keys that are numbers (a broker's id in {@code brokerAddrs}) are quoted.
     */
    public void printJson(Object document) {
        out.println(JSON.toJSONString(document, JSONWriter.Feature.PrettyFormat, JSONWriter.Feature.WriteNulls,
            JSONWriter.Feature.WriteNonStringKeyAsString));
    }
}
