package io.namesrv.cli.support;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Options;
import org.apache.rocketmq.srvutil.ServerUtil;
import org.apache.rocketmq.tools.command.SubCommand;

/**
 * Runs one of Apache 5.3.3's mqadmin subcommands in this JVM against a name server and returns
 * what it printed. Parses the arguments the way MQAdminStartup does (common -n/-h plus the
 * command's own options) and passes -n on as the {@code rocketmq.namesrv.addr} property, as
 * MQAdminStartup does. Not thread-safe: it swaps System.out while the command runs, and
 * System.err too, where Apache's commands print stack traces of failures they expect (an
 * unreachable broker, say) that would only clutter the test log.
 */
public final class ApacheMqAdmin {

    private static final String NAMESRV_PROPERTY = "rocketmq.namesrv.addr";
    private static final String DOMAIN_PROPERTY = "rocketmq.namesrv.domain";

    private ApacheMqAdmin() {
    }

    public static synchronized String run(SubCommand command, String namesrv, String... args) throws Exception {
        String[] all = new String[args.length + 2];
        all[0] = "-n";
        all[1] = namesrv;
        System.arraycopy(args, 0, all, 2, args.length);
        return run(command, NAMESRV_PROPERTY, namesrv, all);
    }

    /**
     * The command given no name server address (no -n): it asks the address service at
     * {@code http://<domain>/rocketmq/nsaddr}, as {@code mqadmin} started with
     * {@code -Drocketmq.namesrv.domain=<domain>} does.
     */
    public static synchronized String runWithAddressService(SubCommand command, String domain, String... args)
        throws Exception {
        return run(command, DOMAIN_PROPERTY, domain, args);
    }

    private static String run(SubCommand command, String property, String value, String[] args) throws Exception {
        Options options = command.buildCommandlineOptions(ServerUtil.buildCommandlineOptions(new Options()));
        CommandLine line = new DefaultParser().parse(options, args);
        String previous = System.getProperty(property);
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setProperty(property, value);
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
        try {
            command.execute(line, options, null);
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
            if (previous == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, previous);
            }
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
