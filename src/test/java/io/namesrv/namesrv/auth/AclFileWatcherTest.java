package io.namesrv.namesrv.auth;

import static io.namesrv.namesrv.auth.ApacheSignedRequests.signed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.RequestCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.rocketmq.acl.common.SessionCredentials;
import org.apache.rocketmq.remoting.protocol.header.namesrv.PutKVConfigRequestHeader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Editing the ACL file: good versions take effect at the next check, bad or missing ones change
 * nothing and are reported once. The watcher is run by hand here; the controller runs it every
 * {@link AclFileWatcher#CHECK_INTERVAL_MILLIS}.
 */
class AclFileWatcherTest {

    @TempDir
    Path dir;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger("RocketmqNamesrv");
    private Level levelBefore;
    private Path file;
    private RequestAuthenticator authenticator;
    private AclFileWatcher watcher;

    @BeforeEach
    void setUp() throws IOException {
        log.start();
        logger.addAppender(log);
        levelBefore = logger.getLevel();
        logger.setLevel(Level.INFO); // the reload lines are INFO; tests log WARN and up by default
        file = write("secretKey.admin=admin-secret\n");
        authenticator = new RequestAuthenticator(AclSettings.load(file));
        watcher = new AclFileWatcher(file, authenticator);
    }

    @AfterEach
    void tearDown() {
        logger.detachAppender(log);
        logger.setLevel(levelBefore);
    }

    private Path write(String content) throws IOException {
        Path target = dir.resolve("namesrv-acl.properties");
        return Files.writeString(target, content, StandardCharsets.UTF_8);
    }

    private static RemotingCommand putKv(String accessKey, String secretKey) {
        PutKVConfigRequestHeader h = new PutKVConfigRequestHeader();
        h.setNamespace("ns");
        h.setKey("k");
        h.setValue("v");
        return signed(RequestCode.PUT_KV_CONFIG, h, null, new SessionCredentials(accessKey, secretKey));
    }

    private boolean allowed(String accessKey, String secretKey) {
        return authenticator.deny(putKv(accessKey, secretKey)).isEmpty();
    }

    private List<String> messages(Level level) {
        return log.list.stream().filter(e -> e.getLevel() == level).map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void theUnchangedFileChangesNothingAndLogsNothing() {
        AclSettings before = authenticator.settings();
        watcher.run();
        watcher.run();
        assertTrue(before == authenticator.settings(), "the same settings object stays in force");
        assertEquals(List.of(), log.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
    }

    @Test
    void anAddedKeyWorksAndARevokedKeyStopsAtTheNextCheck() throws IOException {
        assertTrue(allowed("admin", "admin-secret"));
        assertTrue(!allowed("ops", "ops-secret"));

        write("secretKey.admin=admin-secret\nsecretKey.ops=ops-secret\n");
        watcher.run();
        assertTrue(allowed("ops", "ops-secret"));
        assertTrue(allowed("admin", "admin-secret"));

        write("secretKey.ops=ops-secret\n"); // admin revoked
        watcher.run();
        assertEquals(Optional.of("request code 100 refused: unknown AccessKey admin"),
            authenticator.deny(putKv("admin", "admin-secret")));
        assertTrue(allowed("ops", "ops-secret"));

        List<String> reloads = messages(Level.INFO);
        assertEquals(2, reloads.size(), reloads::toString);
        assertTrue(reloads.get(1).startsWith("authentication settings reloaded from " + file), reloads.get(1));
        assertTrue(log.list.stream().noneMatch(e -> e.getFormattedMessage().contains("ops-secret")),
            "a secret key reached the log");
    }

    @Test
    void aRotatedSecretReplacesTheOldOne() throws IOException {
        write("secretKey.admin=new-secret\n");
        watcher.run();
        assertTrue(allowed("admin", "new-secret"));
        assertTrue(!allowed("admin", "admin-secret"));
    }

    @Test
    void changedAuthRequiredCodesApply() throws IOException {
        RemotingCommand unsigned = RemotingCommand.request(RequestCode.PUT_KV_CONFIG, null);
        assertTrue(authenticator.deny(unsigned).isPresent());
        write("secretKey.admin=admin-secret\nauthRequiredCodes=" + RequestCode.DELETE_KV_CONFIG + "\n");
        watcher.run();
        assertEquals(Optional.empty(), authenticator.deny(unsigned));
        assertEquals(Set.of(RequestCode.DELETE_KV_CONFIG), authenticator.settings().authRequiredCodes());
    }

    @Test
    void anInvalidVersionKeepsTheSettingsInForceAndIsReportedOnce() throws IOException {
        AclSettings before = authenticator.settings();
        write("secretKey.admin=admin-secret\nsecretKye.ops=typo\n");
        watcher.run();
        watcher.run();
        assertEquals(before, authenticator.settings());
        assertTrue(allowed("admin", "admin-secret"));
        List<String> errors = messages(Level.ERROR);
        assertEquals(1, errors.size(), errors::toString);
        assertTrue(errors.get(0).contains("unknown key 'secretKye.ops'"), errors.get(0));

        write(""); // an editor truncated it before writing: no key at all would lock everybody out
        watcher.run();
        assertEquals(before, authenticator.settings());
        assertEquals(2, messages(Level.ERROR).size());

        write("secretKey.admin=admin-secret\nsecretKey.ops=fixed\n");
        watcher.run();
        assertTrue(allowed("ops", "fixed"));
    }

    @Test
    void aVanishedFileKeepsTheSettingsInForceUntilItIsBack() throws IOException {
        Files.delete(file);
        watcher.run();
        watcher.run();
        assertTrue(allowed("admin", "admin-secret"));
        List<String> warnings = messages(Level.WARN);
        assertEquals(1, warnings.size(), warnings::toString);
        assertTrue(warnings.get(0).contains("cannot be read"), warnings.get(0));

        write("secretKey.admin=admin-secret\n"); // the same content as before it vanished
        watcher.run();
        write("secretKey.other=other-secret\n");
        watcher.run();
        assertTrue(allowed("other", "other-secret"));
        assertTrue(!allowed("admin", "admin-secret"));
    }

    @Test
    void bytesThatAreNotUtf8AreRefused() throws IOException {
        Files.write(file, new byte[] {'s', 'e', 'c', 'r', 'e', 't', 'K', 'e', 'y', '.', 'a', '=', (byte) 0xC3, (byte) 0x28});
        watcher.run();
        assertTrue(allowed("admin", "admin-secret"));
        assertTrue(messages(Level.ERROR).get(0).contains("not UTF-8 text"), messages(Level.ERROR)::toString);
    }
}
