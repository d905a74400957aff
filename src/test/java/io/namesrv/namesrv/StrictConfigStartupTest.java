package io.namesrv.namesrv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.namesrv.config.StrictConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A configuration mistake refuses the start with one line naming the key (Apache's name server
 * would start on defaults, or fail at the first KV write); every key Apache 5.3.3 accepts is
 * accepted. Run in-process up to the point where the server would bind.
 */
class StrictConfigStartupTest {

    private static final String NL = System.lineSeparator();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return NamesrvStartup.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private void refused(Path conf, String line) {
        assertEquals(NamesrvStartup.EXIT_FAILURE, run("-c", conf.toString()));
        assertEquals("The Name Server failed to start: " + line + NL, err(), "exactly one line");
        assertFalse(out.toString(StandardCharsets.UTF_8).contains("load config properties file OK"));
    }

    @Test
    void aFileOfRandomBytesIsNotAConfig(@TempDir Path dir) throws Exception {
        byte[] junk = new byte[4096];
        new Random(42).nextBytes(junk);
        Path conf = Files.write(dir.resolve("junk.properties"), junk);
        assertEquals(NamesrvStartup.EXIT_FAILURE, run("-c", conf.toString()));
        assertTrue(err().startsWith("The Name Server failed to start: " + conf + " is not a properties file: "), err());
        assertEquals(1, err().lines().count(), err());
    }

    @Test
    void binaryDataInAnOtherwiseTextFileIsRefused(@TempDir Path dir) throws Exception {
        Path conf = Files.writeString(dir.resolve("nul.properties"), "listenPort=9876\nbind\u0000Address=x\n");
        refused(conf, conf + " is not a properties file: it holds binary data (character 0x0 on line 2)");
    }

    @Test
    void aMisspeltKeyNamesTheKeyMeant(@TempDir Path dir) throws Exception {
        Path conf = Files.writeString(dir.resolve("typo.properties"), "listenPrt=1234\n");
        refused(conf, "config " + conf + ": unknown key 'listenPrt' (did you mean 'listenPort'?)");
    }

    @Test
    void anUnknownKeyFarFromAnyIsRefusedWithoutAGuess(@TempDir Path dir) throws Exception {
        Path conf = Files.writeString(dir.resolve("unknown.properties"), "completelyUnrelatedSetting=1\n");
        refused(conf, "config " + conf + ": unknown key 'completelyUnrelatedSetting'");
    }

    @Test
    void aValueThatDoesNotParseIsRefused(@TempDir Path dir) throws Exception {
        Path conf = Files.writeString(dir.resolve("abc.properties"), "listenPort=abc\n");
        refused(conf, "config " + conf + ": listenPort=abc: not a whole number");
    }

    @Test
    void aBooleanTypoIsRefused(@TempDir Path dir) throws Exception {
        Path conf = Files.writeString(dir.resolve("bool.properties"), "orderMessageEnable=ture\n");
        refused(conf, "config " + conf + ": orderMessageEnable=ture: must be true or false");
    }

    @Test
    void negativeOrTooSmallValuesAreRefusedNotClamped(@TempDir Path dir) throws Exception {
        Path conf = Files.writeString(dir.resolve("neg.properties"), "scanNotActiveBrokerInterval=-5\n");
        refused(conf, "config " + conf + ": scanNotActiveBrokerInterval=-5: must be at least 100 (ms)");
    }

    @Test
    void aPeerListThatIsNotHostPortAndTooShortPeerIntervalsAreRefused(@TempDir Path dir) throws Exception {
        Path conf = Files.writeString(dir.resolve("peers.properties"), "namesrvPeers=10.0.0.1:9876;10.0.0.2\n"
            + "namesrvPeerCompareIntervalMillis=0\nrouteSnapshotIntervalMillis=10\nnamesrvPeerDivergenceMillis=-1\n");
        refused(conf, "config " + conf + ": namesrvPeerCompareIntervalMillis=0: must be at least 100 (ms) (and 3 more:"
            + " namesrvPeerDivergenceMillis=-1: must not be negative; namesrvPeers=10.0.0.1:9876;10.0.0.2: '10.0.0.2' is"
            + " not host:port; routeSnapshotIntervalMillis=10: must be at least 100 (ms))");
    }

    @Test
    void everyProblemIsInTheOneLine(@TempDir Path dir) throws Exception {
        Path conf = Files.writeString(dir.resolve("many.properties"),
            "listenPort=70000\ndefaultThreadPoolNums=0\nhttpListenPrt=1\nshutdownTimeoutSeconds=0\n");
        refused(conf, "config " + conf + ": unknown key 'httpListenPrt' (did you mean 'httpListenPort'?) (and 3 more:"
            + " defaultThreadPoolNums=0: must be at least 1; listenPort=70000: must be a port, 0 to 65535 (0: any free"
            + " port); shutdownTimeoutSeconds=0: must be at least 1)");
    }

    @Test
    void anUnwritableKvStoreIsRefusedAtStart(@TempDir Path dir) throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");
        Path conf = Files.writeString(dir.resolve("kv.properties"), "listenPort=0\nhttpEnable=false\nrocketmqHome=" + dir
            + "\nkvConfigPath=" + notADirectory.resolve("kvConfig.json") + "\n");
        assertEquals(NamesrvStartup.EXIT_FAILURE, run("-c", conf.toString()));
        assertTrue(err().startsWith("The Name Server failed to start: kvConfigPath=" + notADirectory.resolve("kvConfig.json")
            + " cannot be written: "), err());
        assertEquals(1, err().lines().count(), err());

        err.reset();
        Path directory = Files.createDirectories(dir.resolve("a-directory"));
        Files.writeString(conf, "listenPort=0\nhttpEnable=false\nrocketmqHome=" + dir + "\nkvConfigPath=" + directory + "\n");
        assertEquals(NamesrvStartup.EXIT_FAILURE, run("-c", conf.toString()));
        assertEquals("The Name Server failed to start: kvConfigPath=" + directory + " cannot be written: it is a directory"
            + NL, err());
    }

    /**
     * An Apache 5.3.3 namesrv.properties starts ours unchanged: every key Apache's name server
     * binds from its -c file (NamesrvConfig, NettyServerConfig, NettyClientConfig, and the
     * embedded controller's ControllerConfig and JraftConfig), each with Apache's default value.
     */
    @Test
    void everyKeyApacheAcceptsIsAccepted(@TempDir Path dir) throws Exception {
        Map<String, String> apache = new TreeMap<>();
        for (String name : new String[] {"org.apache.rocketmq.common.namesrv.NamesrvConfig",
            "org.apache.rocketmq.remoting.netty.NettyServerConfig", "org.apache.rocketmq.remoting.netty.NettyClientConfig",
            "org.apache.rocketmq.common.ControllerConfig", "org.apache.rocketmq.common.JraftConfig"}) {
            apache.putAll(defaults(Class.forName(name)));
        }
        apache.remove("enableControllerInNamesrv"); // true would start the embedded controller, with Apache's DLedger default refused
        apache.put("listenPort", "0");
        apache.put("rocketmqHome", dir.toString());
        apache.put("kvConfigPath", dir.resolve("kvConfig.json").toString());
        Set<String> known = new StrictConfig(new DaemonConfig().beansWithController()).knownKeys();
        Set<String> missing = new TreeSet<>(apache.keySet());
        missing.removeAll(known);
        assertEquals(Set.of(), missing, "keys Apache accepts that ours does not know");

        StringBuilder text = new StringBuilder();
        apache.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        Path conf = Files.writeString(dir.resolve("apache.properties"), text);
        assertEquals(0, run("-c", conf.toString(), "-p"), err());
        assertEquals("", err());
    }

    /** Apache's key (a public setter taking a value a properties file can carry) with its default, if not null. */
    private static Map<String, String> defaults(Class<?> type) throws Exception {
        Object bean = type.getDeclaredConstructor().newInstance();
        Map<String, String> keys = new TreeMap<>();
        for (Method setter : type.getMethods()) {
            if (Modifier.isStatic(setter.getModifiers()) || setter.getParameterCount() != 1
                || !setter.getName().startsWith("set") || setter.getName().length() < 4) {
                continue;
            }
            Class<?> arg = setter.getParameterTypes()[0];
            if (!(arg.isPrimitive() || arg == String.class || Number.class.isAssignableFrom(arg) || arg == Boolean.class)) {
                continue;
            }
            String suffix = setter.getName().substring(3);
            String key = Character.toLowerCase(suffix.charAt(0)) + suffix.substring(1);
            Object value = null;
            for (String prefix : new String[] {"get", "is"}) {
                try {
                    value = type.getMethod(prefix + suffix).invoke(bean);
                    break;
                } catch (NoSuchMethodException e) {
                    // try the next prefix
                }
            }
            if (value != null) {
                keys.put(key, value.toString());
            }
        }
        return keys;
    }

    @Test
    void aBeanAddedToTheListBringsItsKeys() {
        class ExtraBean {
            private int peersPort;

            public int getPeersPort() {
                return peersPort;
            }

            public void setPeersPort(int peersPort) {
                this.peersPort = peersPort;
            }
        }
        assertFalse(new StrictConfig(new DaemonConfig().beansWithController()).knownKeys().contains("peersPort"));
        java.util.List<Object> more = new java.util.ArrayList<>(new DaemonConfig().beansWithController());
        more.add(new ExtraBean());
        assertTrue(new StrictConfig(more).knownKeys().contains("peersPort"));
    }

    @Test
    void getNamesrvConfigShowsAclConfigPath(@TempDir Path dir) {
        DaemonConfig config = new DaemonConfig();
        String dump = new io.namesrv.namesrv.config.NamesrvConfiguration(dir.resolve("namesrv.properties"),
            new java.util.Properties(), key -> false, config.beans()).dump();
        assertTrue(dump.lines().anyMatch("aclConfigPath="::equals), dump);
        config.auth().setAclConfigPath("/etc/acl.properties");
        dump = new io.namesrv.namesrv.config.NamesrvConfiguration(dir.resolve("namesrv.properties"),
            new java.util.Properties(), key -> false, config.beans()).dump();
        assertTrue(dump.lines().anyMatch("aclConfigPath=/etc/acl.properties"::equals), dump);
    }

    @Test
    void printConfigItemShowsAclConfigPathAndTheHttpAddressItFollows(@TempDir Path dir) throws Exception {
        assertEquals(0, run("-p"));
        java.util.List<String> printed = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertTrue(printed.contains("aclConfigPath="), printed.toString());
        assertTrue(printed.contains("httpBindAddress=0.0.0.0"), printed.toString());

        out.reset();
        Path conf = Files.writeString(dir.resolve("local.properties"), "bindAddress=127.0.0.1\naclConfigPath=/etc/acl.properties\n");
        assertEquals(0, run("-c", conf.toString(), "-p"));
        printed = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertTrue(printed.contains("httpBindAddress=127.0.0.1"), printed.toString());
        assertTrue(printed.contains("aclConfigPath=/etc/acl.properties"), printed.toString());
    }

    /**
     * conf/namesrv.properties, the file README tells operators to pass: it starts as shipped, and
     * every value it shows as a key's default is what {@code -p} prints for that key; uncommented,
     * every line is accepted. {@code aclConfigPath} is an example and {@code configStorePath}
     * follows the {@code -c} file, as their comments say.
     */
    @Test
    void theShippedConfFileStartsAndShowsTheRealDefaults(@TempDir Path dir) throws Exception {
        Path shipped = Path.of("conf/namesrv.properties");
        Map<String, String> shown = new TreeMap<>();
        java.util.regex.Pattern setting = java.util.regex.Pattern.compile("#([A-Za-z][A-Za-z0-9.]*)=(.*)");
        for (String line : Files.readAllLines(shipped)) {
            java.util.regex.Matcher m = setting.matcher(line);
            if (m.matches() && !Set.of("aclConfigPath", "configStorePath").contains(m.group(1))) {
                shown.put(m.group(1), m.group(2).replace("${user.home}", System.getProperty("user.home")));
            }
        }
        assertTrue(shown.size() >= 35, shown.toString());
        assertEquals(0, run("-c", shipped.toString(), "-p"), err());
        Set<String> printed = new TreeSet<>(out.toString(StandardCharsets.UTF_8).lines().toList());
        Map<String, String> wrong = new TreeMap<>();
        shown.forEach((key, value) -> {
            if (!printed.contains(key + "=" + value)) {
                wrong.put(key, value);
            }
        });
        assertEquals(Map.of(), wrong, "defaults the file shows that -p does not print: " + printed);

        StringBuilder uncommented = new StringBuilder();
        shown.forEach((key, value) -> uncommented.append(key).append('=')
            .append("kvConfigPath".equals(key) ? dir.resolve("kvConfig.json").toString() : value).append('\n'));
        Path conf = Files.writeString(dir.resolve("uncommented.properties"), uncommented);
        out.reset();
        assertEquals(0, run("-c", conf.toString(), "-p"), err());
    }
}
