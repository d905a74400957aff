package io.namesrv.cli.support;

import io.namesrv.cli.MQAdminStartup;
import io.namesrv.cli.SubCommands;
import io.namesrv.common.NameServerAddresses;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

/** Runs our mqadmin in this JVM with its own output streams and an empty environment. */
public final class OurMqAdmin {

    private OurMqAdmin() {
    }

    /** What one run printed and how it exited. */
    public record Result(int exitCode, String out, String err) {
    }

    public static Result run(String... args) {
        return run(new NameServerAddresses(new Properties(), Map.of()), args);
    }

    public static Result run(NameServerAddresses addresses, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new MQAdminStartup(SubCommands.all(), addresses, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
