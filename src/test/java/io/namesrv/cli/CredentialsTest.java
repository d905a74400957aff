package io.namesrv.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.common.NameServerAddresses;
import io.namesrv.namesrv.TestNameServer;
import io.namesrv.namesrv.auth.AclSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * mqadmin's keys against a name server with authentication on: the secret key may come from the
 * command line, a file or the environment (so it need not show in {@code ps}), in that order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CredentialsTest {

    private static final String AK = "ops";
    private static final String SK = "ops-secret";

    private TestNameServer ns;
    private Path dir;

    @BeforeAll
    void start(@TempDir Path tmp) throws Exception {
        dir = tmp;
        ns = TestNameServer.builder(tmp).acl(AclSettings.parse(("secretKey." + AK + "=" + SK + "\n")
            .getBytes(StandardCharsets.UTF_8), "test")).start();
    }

    @AfterAll
    void stop() {
        ns.close();
    }

    private record Result(int exitCode, String out, String err) {
    }

    private Result put(Map<String, String> env, String... keyArgs) {
        String[] args = new String[9 + keyArgs.length];
        System.arraycopy(new String[] {"updateKvConfig", "-n", ns.address(), "-s", "nsC", "-k", "k", "-v", "v"}, 0,
            args, 0, 9);
        System.arraycopy(keyArgs, 0, args, 9, keyArgs.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new MQAdminStartup(SubCommands.all(), new NameServerAddresses(new Properties(), Map.of()),
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), env)
            .run(args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void unsignedWritesAreRefused() {
        Result r = put(Map.of());
        assertEquals(1, r.exitCode());
        assertTrue(r.out().contains("NO_PERMISSION"), r.out());
    }

    @Test
    void secretKeyFromTheCommandLine() {
        Result r = put(Map.of(), "-a", AK, "--secretKey", SK);
        assertEquals(0, r.exitCode(), r.out() + r.err());
    }

    @Test
    void secretKeyFromAFile() throws Exception {
        Path file = Files.writeString(dir.resolve("sk"), SK + "\n");
        Result r = put(Map.of(), "-a", AK, "--secretKeyFile", file.toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());

        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        Result none = put(Map.of(), "-a", AK, "--secretKeyFile", empty.toString());
        assertEquals(2, none.exitCode());
        assertEquals("updateKvConfig: --secretKeyFile " + empty + " is empty" + System.lineSeparator(), none.err());

        Result missing = put(Map.of(), "-a", AK, "--secretKeyFile", dir.resolve("nope").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().startsWith("updateKvConfig: cannot read --secretKeyFile " + dir.resolve("nope")),
            missing.err());
    }

    @Test
    void keysFromTheEnvironment() {
        Result both = put(Map.of(Credentials.ACCESS_KEY_ENV, AK, Credentials.SECRET_KEY_ENV, SK));
        assertEquals(0, both.exitCode(), both.out() + both.err());
        Result secretOnly = put(Map.of(Credentials.SECRET_KEY_ENV, SK), "-a", AK);
        assertEquals(0, secretOnly.exitCode(), secretOnly.out() + secretOnly.err());
    }

    @Test
    void theCommandLineBeatsTheEnvironment() {
        Result r = put(Map.of(Credentials.ACCESS_KEY_ENV, AK, Credentials.SECRET_KEY_ENV, "wrong"), "--secretKey", SK);
        assertEquals(0, r.exitCode(), r.out() + r.err());
        Result wrong = put(Map.of(Credentials.ACCESS_KEY_ENV, AK, Credentials.SECRET_KEY_ENV, SK), "--secretKey", "wrong");
        assertEquals(1, wrong.exitCode());
        assertTrue(wrong.out().contains("NO_PERMISSION"), wrong.out());
    }

    @Test
    void aSecretWithoutAnAccessKeyIsAUsageError() {
        Result r = put(Map.of(Credentials.SECRET_KEY_ENV, SK));
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("no access key"), r.err());
    }
}
