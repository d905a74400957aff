package io.namesrv.cli;

import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.OptionGroup;
import org.apache.commons.cli.Options;

/**
 * Options every subcommand takes. {@code -n} and {@code -h} are Apache's; the rest are ours and
 * long-only where a short letter would clash with a subcommand's own (e.g. {@code -v value}).
 */
public final class CommonOptions {

    public static final String NAMESRV = "n";
    public static final String HELP = "h";
    public static final String JSON = "json";
    public static final String VERBOSE = "verbose";
    public static final String ACCESS_KEY = "a";
    public static final String ACCESS_KEY_LONG = "accessKey";
    public static final String SECRET_KEY = "secretKey";
    public static final String SECRET_KEY_FILE = "secretKeyFile";
    public static final String TIMEOUT = "timeout";
    public static final long DEFAULT_TIMEOUT_MILLIS = 3000;

    private CommonOptions() {
    }

    /**
     * The common options next to a command's own. A command's option wins its short name:
     * Apache's {@code updateTopic -a} (attributes) and {@code updateBrokerConfig -a} (all brokers)
     * keep {@code -a}, and the access key is then {@code --accessKey} only.
     */
    public static Options with(Options commandOptions) {
        Options options = new Options();
        for (Option common : build().getOptions()) {
            if (common.getOpt() != null && commandOptions.hasShortOption(common.getOpt())) {
                Option longOnly = Option.builder().longOpt(common.getLongOpt()).hasArg(common.hasArg())
                    .argName(common.getArgName()).desc(common.getDescription()).build();
                options.addOption(longOnly);
            } else {
                options.addOption(common);
            }
        }
        Set<OptionGroup> groups = new LinkedHashSet<>();
        for (Option own : commandOptions.getOptions()) {
            OptionGroup group = commandOptions.getOptionGroup(own);
            if (group == null) {
                options.addOption(own);
            } else if (groups.add(group)) {
                options.addOptionGroup(group);
            }
        }
        return options;
    }

    public static Options build() {
        Options options = new Options();
        options.addOption(new Option(NAMESRV, "namesrvAddr", true, "Name server address list, eg: '192.168.0.1:9876;192.168.0.2:9876'"));
        options.addOption(new Option(HELP, "help", false, "Print help"));
        options.addOption(Option.builder().longOpt(JSON).desc("Print the result as JSON (for scripts)").build());
        options.addOption(Option.builder().longOpt(VERBOSE).desc("On failure, print the stack trace too").build());
        options.addOption(Option.builder(ACCESS_KEY).longOpt(ACCESS_KEY_LONG).hasArg().argName("ak")
            .desc("Sign requests with this ACL access key (else $MQADMIN_ACCESS_KEY; needs a secret key)").build());
        options.addOption(Option.builder().longOpt(SECRET_KEY).hasArg().argName("sk")
            .desc("Secret key for signing, as Apache's AclClientRPCHook does (visible in ps: prefer"
                + " --secretKeyFile or $MQADMIN_SECRET_KEY)").build());
        options.addOption(Option.builder().longOpt(SECRET_KEY_FILE).hasArg().argName("file")
            .desc("Read the secret key from the first line of this file").build());
        options.addOption(Option.builder().longOpt(TIMEOUT).hasArg().argName("ms")
            .desc("Per-request timeout in milliseconds (default " + DEFAULT_TIMEOUT_MILLIS + ")").build());
        return options;
    }
}
