package io.namesrv.namesrv;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import io.namesrv.common.LoggerNames;
import io.namesrv.controller.EmbeddedController;
import io.namesrv.namesrv.auth.AclSettings;
import io.namesrv.namesrv.config.ConfigException;
import io.namesrv.namesrv.config.ConfigPrinter;
import io.namesrv.namesrv.config.NamesrvConfiguration;
import io.namesrv.namesrv.config.RuntimeTunableKeys;
import io.namesrv.namesrv.config.StrictConfig;
import io.namesrv.namesrv.console.ControllerSection;
import io.namesrv.namesrv.http.HttpConfig;
import io.namesrv.namesrv.kvconfig.KVConfigManager;
import io.namesrv.namesrv.lifecycle.FatalErrorHandler;
import io.namesrv.namesrv.lifecycle.ShutdownWatchdog;
import io.namesrv.remoting.netty.NettyServerConfig;
import io.namesrv.remoting.netty.WireIdentity;
import io.namesrv.remoting.netty.tls.ServerTls;
import io.namesrv.remoting.netty.tls.TlsSettings;
import io.namesrv.remoting.protocol.SerializeType;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code mqnamesrv}: reads the command line and the {@code -c} file, builds and starts a
 * {@link NamesrvController}, prints Apache's boot line and stops cleanly on SIGTERM.
 */
public final class NamesrvStartup {

    static final int EXIT_FAILURE = -1;
    static final int EXIT_NO_HOME = -2;
    static final int EXIT_INIT_FAILED = -3;

    private NamesrvStartup() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != Integer.MIN_VALUE) {
            flushLogs();
            System.exit(code);
        }
    }

    /** The log files are written by background appenders: drain their queues before the JVM goes. */
    private static void flushLogs() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.stop();
        }
    }

    /**
     * Starts the server and returns {@link Integer#MIN_VALUE} while it keeps running; otherwise
     * returns the exit code (help, printed config, or a failure already explained on {@code err}).
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Options options = options();
        CommandLine cmd;
        try {
            cmd = new DefaultParser().parse(options, args);
        } catch (ParseException e) {
            err.println(e.getMessage());
            printHelp(options, err);
            return 1;
        }
        if (cmd.hasOption('h')) {
            printHelp(options, out);
            return 0;
        }
        try {
            DaemonConfig config = new DaemonConfig();
            NamesrvConfig namesrvConfig = config.namesrv();
            NettyServerConfig nettyServerConfig = config.netty();
            HttpConfig httpConfig = config.http();
            LimitsConfig limits = config.limits();
            Properties fileProperties = new Properties();
            if (cmd.hasOption('c')) {
                Path file = Path.of(cmd.getOptionValue('c'));
                fileProperties = StrictConfig.read(file);
                new StrictConfig(config.beansWithController()).bind(fileProperties, "config " + file);
                namesrvConfig.setConfigStorePath(file.toAbsolutePath().toString());
                out.println("load config properties file OK, " + file);
            }
            config.resolveDefaults();
            if (cmd.hasOption('p')) {
                (namesrvConfig.isEnableControllerInNamesrv() ? ConfigPrinter.lines(config.beansWithController().toArray())
                    : ConfigPrinter.lines(config.beans().toArray())).forEach(out::println);
                return 0;
            }
            if (namesrvConfig.getRocketmqHome() == null || namesrvConfig.getRocketmqHome().isBlank()) {
                err.println("Please set the ROCKETMQ_HOME variable in your environment to match the location of the"
                    + " RocketMQ installation");
                return EXIT_NO_HOME;
            }
            configureLogging(namesrvConfig.getRocketmqHome(), err);
            Logger log = LoggerFactory.getLogger(LoggerNames.NAMESRV);

            SerializeType serializeType = SerializeType.parse(System.getProperty("rocketmq.serialize.type",
                System.getenv("ROCKETMQ_SERIALIZE_TYPE")));
            writableKvStore(Path.of(namesrvConfig.getKvConfigPath()));
            Path aclFile = config.auth().isEnabled() ? Path.of(config.auth().getAclConfigPath()) : null;
            AclSettings acl = aclFile == null ? null : loadAcl(aclFile, log);
            ServerTls tls = ServerTls.fromSettings(TlsSettings.fromSystemProperties());
            NamesrvConfiguration configuration = new NamesrvConfiguration(Path.of(namesrvConfig.getConfigStorePath()),
                fileProperties, RuntimeTunableKeys.allowed(RuntimeTunableKeys.NAMESRV, namesrvConfig::getConfigBlackList),
                config.beans());
            EmbeddedController embedded = namesrvConfig.isEnableControllerInNamesrv()
                ? EmbeddedControllerLauncher.build(config.controller(), nettyServerConfig, fileProperties,
                    Path.of(namesrvConfig.getConfigStorePath()), new WireIdentity(WireIdentity.V5_3_3, serializeType), tls)
                : null;
            NamesrvController controller = new NamesrvController(namesrvConfig, nettyServerConfig, configuration,
                new WireIdentity(WireIdentity.V5_3_3, serializeType), tls, acl, httpConfig, limits, config.address(),
                config.peers());
            controller.useNettyClientConfig(config.client());
            if (aclFile != null) {
                controller.watchAclFile(aclFile);
            }
            if (!controller.initialize()) {
                err.println("The Name Server failed to initialize, see " + System.getProperty("user.home")
                    + "/logs/rocketmqlogs/namesrv.log");
                controller.shutdown();
                return EXIT_INIT_FAILED;
            }
            // Whatever starts the exit (a signal, a fatal error, mqshutdown), the hook bounds how long it takes.
            AtomicInteger exitStatus = new AtomicInteger();
            ShutdownWatchdog watchdog = new ShutdownWatchdog(
                limits.getShutdownTimeoutSeconds() * 1000L, err, Runtime.getRuntime()::halt);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                watchdog.arm(exitStatus.get());
                log.info("Shutdown hook was invoked, shutting down the name server");
                long begin = System.currentTimeMillis();
                if (embedded != null) {
                    embedded.shutdown();
                }
                controller.shutdown();
                log.info("Shutdown hook over, consuming total time(ms): {}", System.currentTimeMillis() - begin);
                flushLogs();
            }, "ShutdownHook"));
            controller.fatalErrors().exitWith(() -> exitOnNewThread(FatalErrorHandler.EXIT_STATUS, exitStatus));
            Thread.setDefaultUncaughtExceptionHandler(controller.fatalErrors());
            exitOnSignal("TERM", exitStatus);
            exitOnSignal("INT", exitStatus);
            controller.start();
            String boot = "The Name Server boot success. serializeType=" + serializeType + ", address "
                + nettyServerConfig.getBindAddress() + ":" + controller.listenPort();
            log.info(boot);
            out.println(boot);
            if (embedded != null) {
                startController(embedded, controller, serializeType, log, out);
            }
            if (controller.httpEndpointLine() != null) {
                out.println(controller.httpEndpointLine());
            }
            return Integer.MIN_VALUE;
        } catch (ConfigException e) {
            // a mistake in the -c file or a path it names: the line says which key and why
            err.println("The Name Server failed to start: " + e.getMessage());
            return EXIT_FAILURE;
        } catch (IllegalArgumentException e) {
            // a configuration the embedded controller cannot run with: the sentence says what to set
            err.println("The Name Server failed to start: " + e.getMessage());
            return EXIT_FAILURE;
        } catch (UncheckedIOException e) {
            // e.g. "cannot listen on 0.0.0.0:9876: Address already in use": the sentence says it all
            err.println("The Name Server failed to start: " + e.getMessage());
            return EXIT_FAILURE;
        } catch (Exception e) {
            err.println("The Name Server failed to start: " + e);
            return EXIT_FAILURE;
        }
    }

    /**
     * Starts the embedded controller after the name server, as Apache does, and prints its boot
     * line. A controller that cannot start stops the whole process: brokers in controller mode
     * would otherwise wait for a role forever with nothing saying why.
     */
    private static void startController(EmbeddedController embedded, NamesrvController controller,
                                        SerializeType serializeType, Logger log, PrintStream out)
        throws InterruptedException {
        embedded.start();
        controller.getMetrics().setControllerStatus(embedded::status);
        controller.addStatusContributor(() -> ControllerSection.of(embedded.status()));
        String boot = "The ControllerManager boot success. serializeType=" + serializeType;
        log.info(boot);
        out.println(boot);
    }

    /** A KV store that cannot be written refuses the start, rather than fail at the first KV change. */
    private static void writableKvStore(Path kvConfigPath) throws ConfigException {
        try {
            KVConfigManager.checkWritable(kvConfigPath);
        } catch (IOException e) {
            String reason = e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : e.getMessage() == null ? e.toString() : e.getMessage();
            throw new ConfigException("kvConfigPath=" + kvConfigPath + " cannot be written: " + reason);
        }
    }

    /**
     * The authentication settings in {@code file}. A file that is missing or wrong stops the
     * start-up: running open when the operator asked for authentication would be worse than not running.
     */
    private static AclSettings loadAcl(Path file, Logger log) throws IOException {
        AclSettings acl = AclSettings.load(file);
        log.info("authentication on, from {} (re-read when it changes): {}", file, acl);
        return acl;
    }

    /**
     * SIGTERM/SIGINT are the normal way to stop a name server: exit through the shutdown hook
     * with status 0 rather than the JVM's 143/130, so service managers see a clean stop.
     */
    @SuppressWarnings("removal")
    private static void exitOnSignal(String name, AtomicInteger exitStatus) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> exitOnNewThread(0, exitStatus));
        } catch (IllegalArgumentException e) {
            // The signal is not available on this platform (or reserved by the JVM): keep the default.
        }
    }

    /**
     * {@link System#exit} on a thread of its own: it runs the shutdown hook and never returns, and
     * the thread asking may be one the hook waits for. If not even a thread can be started (native
     * memory gone), nothing orderly is possible: halt.
     */
    private static void exitOnNewThread(int status, AtomicInteger exitStatus) {
        exitStatus.set(status);
        try {
            new Thread(() -> System.exit(status), "NamesrvExit").start();
        } catch (Throwable e) {
            Runtime.getRuntime().halt(status);
        }
    }

    static Options options() {
        Options options = new Options();
        options.addOption(new Option("h", "help", false, "Print help"));
        options.addOption(new Option("n", "namesrvAddr", true,
            "Name server address list, eg: '192.168.0.1:9876;192.168.0.2:9876' (accepted, unused by the name server)"));
        options.addOption(new Option("c", "configFile", true, "Name server config properties file"));
        options.addOption(new Option("p", "printConfigItem", false, "Print all config items"));
        return options;
    }

    private static void printHelp(Options options, PrintStream stream) {
        java.io.PrintWriter pw = new java.io.PrintWriter(stream);
        new HelpFormatter().printHelp(pw, 110, "mqnamesrv", null, options, 1, 3, null, true);
        pw.flush();
    }

    /**
     * Unless {@code -Dlogback.configurationFile} chose a configuration, use the distribution's
     * {@code conf/logback_namesrv.xml} (rolling files under ~/logs/rocketmqlogs/).
     */
    private static void configureLogging(String rocketmqHome, PrintStream err) {
        if (System.getProperty("logback.configurationFile") != null) {
            return;
        }
        Path conf = Path.of(rocketmqHome, "conf", "logback_namesrv.xml");
        if (!Files.isRegularFile(conf) || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        try {
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            context.reset();
            configurator.doConfigure(conf.toFile());
        } catch (JoranException e) {
            err.println("cannot apply " + conf + ": " + e.getMessage());
        }
    }
}
