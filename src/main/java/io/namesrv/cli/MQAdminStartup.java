package io.namesrv.cli;

import io.namesrv.common.NameServerAddresses;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * {@code mqadmin}: finds the subcommand, parses its options, resolves the name servers in
 * Apache's order and runs it. Failures print one line saying what failed and where (a stack
 * trace only with {@code --verbose}) and exit non-zero: 1 when a command failed, 2 for a command
 * line that could not be understood.
 */
public final class MQAdminStartup {

    private final List<SubCommand> commands;
    private final NameServerAddresses addresses;
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;

    /** With an empty environment: keys come from the command line only. */
    public MQAdminStartup(List<SubCommand> commands, NameServerAddresses addresses, PrintStream out, PrintStream err) {
        this(commands, addresses, out, err, Map.of());
    }

    /** {@code environment} is where {@link Credentials} looks for keys not given on the command line. */
    public MQAdminStartup(List<SubCommand> commands, NameServerAddresses addresses, PrintStream out, PrintStream err,
                          Map<String, String> environment) {
        this.commands = List.copyOf(commands);
        this.addresses = addresses;
        this.out = out;
        this.err = err;
        this.environment = Map.copyOf(environment);
    }

    public static void main(String[] args) {
        int code = new MQAdminStartup(SubCommands.all(), NameServerAddresses.ofProcess(), System.out, System.err,
            System.getenv()).run(args);
        System.out.flush();
        System.exit(code);
    }

    /** Runs one command line and returns the process exit code. */
    public int run(String[] args) {
        if (args.length == 0) {
            printCommandList();
            return 0;
        }
        if (args[0].equals("help")) {
            return help(args);
        }
        SubCommand command = find(args[0]);
        if (command == null) {
            err.println("mqadmin: unknown command '" + args[0] + "'. Run 'mqadmin help' for the list.");
            return CliException.USAGE;
        }
        Options options = optionsOf(command);
        // before parsing: "-h" must work even when required options are missing
        if (Arrays.stream(args).skip(1).anyMatch(a -> a.equals("-h") || a.equals("--help"))) {
            printCommandHelp(command, out);
            return 0;
        }
        CommandLine line;
        try {
            line = new DefaultParser().parse(options, Arrays.copyOfRange(args, 1, args.length));
        } catch (ParseException e) {
            err.println(command.name() + ": " + e.getMessage() + ". Run 'mqadmin help " + command.name() + "'.");
            return CliException.USAGE;
        }
        boolean verbose = line.hasOption(CommonOptions.VERBOSE);
        try {
            AclSigner signer = Credentials.signer(line, environment);
            long timeout = timeout(line);
            List<String> nameServers = command.needsNameServer(line) ? resolve(line.getOptionValue(CommonOptions.NAMESRV))
                : java.util.List.of();
            try (AdminClient client = new AdminClient(nameServers, signer, timeout)) {
                command.execute(new CommandContext(line, client, out, err));
            }
            return 0;
        } catch (CliException e) {
            err.println(command.name() + ": " + e.getMessage());
            if (verbose) {
                e.printStackTrace(err);
            }
            return e.exitCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println(command.name() + ": interrupted");
            return CliException.FAILED;
        } catch (RuntimeException e) {
            // e.g. a body that does not decode: still one line, the trace only on request
            err.println(command.name() + ": failed: " + e);
            if (verbose) {
                e.printStackTrace(err);
            }
            return CliException.FAILED;
        }
    }

    private static long timeout(CommandLine line) throws CliException {
        String v = line.getOptionValue(CommonOptions.TIMEOUT);
        if (v == null) {
            return CommonOptions.DEFAULT_TIMEOUT_MILLIS;
        }
        try {
            long t = Long.parseLong(v.trim());
            if (t > 0) {
                return t;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw CliException.usage("--timeout must be a positive number of milliseconds, not '" + v + "'");
    }

    private List<String> resolve(String explicit) throws CliException {
        List<String> found;
        try {
            found = addresses.resolve(explicit, null);
        } catch (IOException e) {
            throw new CliException("no name server address: none given with -n, -Drocketmq.namesrv.addr or NAMESRV_ADDR,"
                + " and the address server " + addresses.addressServerUrl(null) + " could not be asked (" + e.getMessage() + ")", e);
        }
        if (found.isEmpty()) {
            throw new CliException("no name server address: none given with -n, -Drocketmq.namesrv.addr or NAMESRV_ADDR,"
                + " and the address server " + addresses.addressServerUrl(null) + " returned none");
        }
        return found;
    }

    private int help(String[] args) {
        if (args.length == 1) {
            printCommandList();
            return 0;
        }
        SubCommand command = find(args[1]);
        if (command == null) {
            err.println("mqadmin: unknown command '" + args[1] + "'. Run 'mqadmin help' for the list.");
            return CliException.USAGE;
        }
        printCommandHelp(command, out);
        return 0;
    }

    private SubCommand find(String name) {
        return commands.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    private static Options optionsOf(SubCommand command) {
        Options own = new Options();
        command.addOptions(own);
        return CommonOptions.with(own);
    }

    private void printCommandList() {
        out.println("The most commonly used mqadmin commands are:");
        for (SubCommand c : commands) {
            out.printf("   %-25s %s%n", c.name(), c.description());
        }
        out.println();
        out.println("Name servers are taken from -n, else -Drocketmq.namesrv.addr, else NAMESRV_ADDR, else the address server.");
        out.println("See 'mqadmin help <command>' for more information on a specific command.");
    }

    private static void printCommandHelp(SubCommand command, PrintStream to) {
        PrintWriter writer = new PrintWriter(to, true);
        HelpFormatter formatter = new HelpFormatter();
        formatter.setWidth(110);
        formatter.printHelp(writer, 110, "mqadmin " + command.name(), command.description(), optionsOf(command), 2, 2,
            command.details().isEmpty() ? null : System.lineSeparator() + command.details(), true);
        writer.flush();
    }
}
