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

    private ApacheMqAdmin() {
    }

    public static synchronized String run(SubCommand command, String namesrv, String... args) throws Exception {
        Options options = command.buildCommandlineOptions(ServerUtil.buildCommandlineOptions(new Options()));
        String[] all = new String[args.length + 2];
        all[0] = "-n";
        all[1] = namesrv;
        System.arraycopy(args, 0, all, 2, args.length);
        CommandLine line = new DefaultParser().parse(options, all);
        String previous = System.getProperty(NAMESRV_PROPERTY);
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setProperty(NAMESRV_PROPERTY, namesrv);
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
        try {
            command.execute(line, options, null);
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
            if (previous == null) {
                System.clearProperty(NAMESRV_PROPERTY);
            } else {
                System.setProperty(NAMESRV_PROPERTY, previous);
            }
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
