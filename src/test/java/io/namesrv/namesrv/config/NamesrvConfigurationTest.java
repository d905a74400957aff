package io.namesrv.namesrv.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.namesrv.NamesrvConfig;
import io.namesrv.remoting.protocol.ResponseCode;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NamesrvConfigurationTest {

    @TempDir
    Path dir;

    private NamesrvConfig namesrvConfig;
    private TestBean nettyLike;
    private Path store;
    private NamesrvConfiguration configuration;

    @BeforeEach
    void setUp() {
        namesrvConfig = new NamesrvConfig();
        nettyLike = new TestBean();
        store = dir.resolve("conf/namesrv.properties");
        Properties fromFile = new Properties();
        fromFile.setProperty("listenPort", "9876");
        fromFile.setProperty("someKeyOnlyInTheFile", "kept");
        configuration = new NamesrvConfiguration(store, fromFile,
            RuntimeTunableKeys.allowed(RuntimeTunableKeys.NAMESRV, namesrvConfig::getConfigBlackList),
            List.of(namesrvConfig, nettyLike));
    }

    private static byte[] body(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void dumpIsEveryConfigSortedIncludingTheOriginalFileKeys() {
        nettyLike.setListenPort(10000);
        String dump = configuration.dump();
        List<String> lines = dump.lines().toList();

        assertTrue(dump.endsWith("\n"));
        assertEquals(lines.stream().sorted().toList(), lines);
        assertTrue(lines.contains("someKeyOnlyInTheFile=kept"));
        assertTrue(lines.contains("listenPort=10000"), "live bean value wins over the file's");
        assertTrue(lines.contains("enableTopicList=true"));
        assertTrue(lines.contains("timeoutMillis=3000"));
    }

    @Test
    void allowListedUpdateAppliesLiveAndPersistsTheChangedKeys() throws IOException {
        UpdateResult result = configuration.update(body("enableTopicList=false\norderMessageEnable = TRUE\n"));

        assertTrue(result.isSuccess(), result.toString());
        assertNull(result.remark());
        assertFalse(namesrvConfig.isEnableTopicList());
        assertTrue(namesrvConfig.isOrderMessageEnable());
        // no -c file existed: it now holds the changed keys, with their values as the server reads them
        assertEquals("enableTopicList=false\norderMessageEnable=true\n", Files.readString(store));
        assertFalse(Files.exists(AtomicFileWriter.tempOf(store)));
    }

    /**
     * The documented conf/namesrv.properties (every default as a comment) with two keys set: a
     * runtime update changes the lines of the keys it sets and puts a new key right after the
     * comment that documents it; every other line stays as the operator wrote it.
     */
    @Test
    void theOperatorsFileKeepsItsCommentsAndOrder() throws IOException {
        String original = Files.readString(Path.of("conf/namesrv.properties"))
            + "\n# ours\nlistenPort=19876\nenableAllTopicList = true\n";
        Files.createDirectories(store.getParent());
        Files.writeString(store, original);
        assertTrue(configuration.update(body("enableAllTopicList=false\norderMessageEnable=true\n")).isSuccess());

        String edited = Files.readString(store);
        assertEquals(original.replace("enableAllTopicList = true\n", "enableAllTopicList=false\n")
            .replace("#orderMessageEnable=false\n", "#orderMessageEnable=false\norderMessageEnable=true\n"), edited);
        Properties reloaded = new Properties();
        reloaded.load(new StringReader(edited));
        assertEquals("false", reloaded.getProperty("enableAllTopicList"));
        assertEquals("true", reloaded.getProperty("orderMessageEnable"));
        assertEquals("19876", reloaded.getProperty("listenPort"));
    }

    @Test
    void aRefusedKeyRejectsTheWholeUpdateAndNamesTheKeys() throws IOException {
        String before = configuration.dump();
        UpdateResult result = configuration.update(body(
            "enableTopicList=false\nkvConfigPath=/tmp/evil\nlistenPort=1\ndefaultThreadPoolNums=1\nnoSuchKey=1\n"));

        assertEquals(ResponseCode.NO_PERMISSION, result.code());
        assertTrue(result.remark().endsWith("defaultThreadPoolNums, kvConfigPath, listenPort, noSuchKey"),
            result.remark());
        assertFalse(result.remark().contains("enableTopicList"));
        assertTrue(namesrvConfig.isEnableTopicList(), "allowed key in a refused update is not applied");
        assertEquals(9876, nettyLike.getListenPort());
        assertEquals(before, configuration.dump());
        assertFalse(Files.exists(store), "nothing persisted");
    }

    @Test
    void pathHomeBlackListAndStartupOnlyKeysAreAllRefused() {
        for (String key : List.of("rocketmqHome", "kvConfigPath", "configStorePath", "configBlackList",
            "clientRequestThreadPoolNums", "defaultThreadPoolQueueCapacity", "scanNotActiveBrokerInterval",
            "unRegisterBrokerQueueCapacity", "clusterTest", "productEnvName", "enableControllerInNamesrv",
            "waitSecondsForService", "serverChannelMaxIdleTimeSeconds")) {
            UpdateResult result = configuration.update(body(key + "=1"));
            assertEquals(ResponseCode.NO_PERMISSION, result.code(), key);
            assertTrue(result.remark().endsWith(": " + key), result.remark());
        }
    }

    @Test
    void everyAllowListedKeyIsAccepted() {
        for (String key : RuntimeTunableKeys.NAMESRV) {
            assertTrue(configuration.update(body(key + "=true")).isSuccess(), key);
        }
        assertTrue(namesrvConfig.isSupportActingMaster());
        assertTrue(namesrvConfig.isDeleteTopicWithBrokerRegistration());
        assertTrue(namesrvConfig.isNeedWaitForService());
        assertTrue(namesrvConfig.isNotifyMinBrokerIdChanged());
    }

    @Test
    void configBlackListNarrowsTheAllowList() {
        namesrvConfig.setConfigBlackList("configBlackList;enableAllTopicList");
        UpdateResult result = configuration.update(body("enableAllTopicList=false"));
        assertEquals(ResponseCode.NO_PERMISSION, result.code());
        assertTrue(namesrvConfig.isEnableAllTopicList());
    }

    @Test
    void malformedPropertiesTextIsSystemError() {
        UpdateResult result = configuration.update(body("enableTopicList=\\uZZZZ"));
        assertEquals(ResponseCode.SYSTEM_ERROR, result.code());
        assertEquals("string2Properties error", result.remark());
        assertTrue(namesrvConfig.isEnableTopicList());
    }

    @Test
    void unparsableValueChangesNothing() {
        UpdateResult result = configuration.update(body("enableTopicList=false\norderMessageEnable=perhaps"));
        assertEquals(ResponseCode.SYSTEM_ERROR, result.code());
        assertTrue(result.remark().contains("orderMessageEnable=perhaps"), result.remark());
        assertTrue(namesrvConfig.isEnableTopicList());
        assertFalse(Files.exists(store));
    }

    @Test
    void missingBodyIsSuccessWithoutChange() {
        assertTrue(configuration.update((byte[]) null).isSuccess());
        assertFalse(Files.exists(store));
    }

    @Test
    void failedPersistUndoesTheUpdate() throws IOException {
        Files.createDirectories(store);
        UpdateResult result = configuration.update(body("enableAllTopicList=false"));
        assertEquals(ResponseCode.SYSTEM_ERROR, result.code());
        assertTrue(result.remark().startsWith("persist config failed"), result.remark());
        assertTrue(namesrvConfig.isEnableAllTopicList());
    }

    @Test
    void theLastThreeVersionsAreKeptAsBackups() throws IOException {
        for (String value : List.of("false", "true", "false", "true", "false")) {
            assertTrue(configuration.update(body("enableTopicList=" + value)).isSuccess());
        }
        assertTrue(Files.readString(store).contains("enableTopicList=false\n"));
        assertTrue(Files.readString(AtomicFileWriter.backupOf(store, 0)).contains("enableTopicList=true\n"));
        assertTrue(Files.readString(AtomicFileWriter.backupOf(store, 1)).contains("enableTopicList=false\n"));
        assertTrue(Files.readString(AtomicFileWriter.backupOf(store, 2)).contains("enableTopicList=true\n"));
        assertFalse(Files.exists(AtomicFileWriter.backupOf(store, 3)), NamesrvConfiguration.BACKUPS + " versions, no more");
    }
}
