package io.namesrv.remoting.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON header's exact bytes and its lenient decoding (spec 2.2). */
class JsonHeaderCodecTest {

    private static String encode(RemotingCommand cmd) {
        return new String(JsonHeaderCodec.encode(cmd), StandardCharsets.UTF_8);
    }

    private static RemotingCommand decode(String json) throws RemotingCommandException {
        return JsonHeaderCodec.decode(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void fieldsInNameOrderWithNullsOmitted() {
        RemotingCommand cmd = RemotingCommand.response(0, null).setOpaque(6).setVersion(513);
        assertEquals("{\"code\":0,\"flag\":1,\"language\":\"JAVA\",\"opaque\":6,"
            + "\"serializeTypeCurrentRPC\":\"JSON\",\"version\":513}", encode(cmd));
    }

    @Test
    void remarkSitsBetweenOpaqueAndSerializeType() {
        RemotingCommand cmd = RemotingCommand.response(3, " request type 999 not supported").setOpaque(7).setVersion(479);
        assertEquals("{\"code\":3,\"flag\":1,\"language\":\"JAVA\",\"opaque\":7,"
            + "\"remark\":\" request type 999 not supported\",\"serializeTypeCurrentRPC\":\"JSON\",\"version\":479}",
            encode(cmd));
    }

    @Test
    void extFieldsFollowCodeAndKeepTheMapOrder() {
        Map<String, String> ext = new LinkedHashMap<>();
        ext.put("haServerAddr", "10.0.0.1:10912");
        ext.put("masterAddr", "10.0.0.1:10911");
        RemotingCommand cmd = RemotingCommand.response(0, null).setExtFields(ext).setOpaque(6).setVersion(513);
        assertEquals("{\"code\":0,\"extFields\":{\"haServerAddr\":\"10.0.0.1:10912\",\"masterAddr\":\"10.0.0.1:10911\"},"
            + "\"flag\":1,\"language\":\"JAVA\",\"opaque\":6,\"serializeTypeCurrentRPC\":\"JSON\",\"version\":513}",
            encode(cmd));
    }

    @Test
    void emptyExtFieldsAreWrittenAsAnEmptyObject() {
        RemotingCommand cmd = RemotingCommand.response(0, null, ext -> { }).setOpaque(1);
        assertTrue(encode(cmd).startsWith("{\"code\":0,\"extFields\":{},\"flag\":1,"), encode(cmd));
    }

    @Test
    void nullExtFieldValuesAreLeftOut() {
        Map<String, String> ext = new LinkedHashMap<>();
        ext.put("a", null);
        ext.put("b", "1");
        RemotingCommand cmd = RemotingCommand.request(105, null).setExtFields(ext);
        assertTrue(encode(cmd).startsWith("{\"code\":105,\"extFields\":{\"b\":\"1\"},\"flag\":0,"), encode(cmd));
    }

    @Test
    void nullLanguageAndSerializeTypeAreOmitted() {
        RemotingCommand cmd = RemotingCommand.request(105, null).setLanguage(null).setSerializeTypeCurrentRPC(null);
        assertEquals("{\"code\":105,\"flag\":0,\"opaque\":0,\"version\":0}", encode(cmd));
    }

    @Test
    void stringsAreEscapedAndNonAsciiKeptAsIs() {
        RemotingCommand cmd = RemotingCommand.response(1, "a\"b\\c\nd\te\u0001 é 中").setOpaque(0);
        assertTrue(encode(cmd).contains("\"remark\":\"a\\\"b\\\\c\\nd\\te\\u0001 é 中\""), encode(cmd));
    }

    @Test
    void controlCharactersUseUpperCaseUnicodeEscapesLikeFastjson() {
        RemotingCommand cmd = RemotingCommand.response(1, "\u000b\u001f\u007f").setOpaque(0);
        assertTrue(encode(cmd).contains("\"remark\":\"\\u000B\\u001F\\u007F\""), encode(cmd));
    }

    @Test
    void decodesAllFields() throws RemotingCommandException {
        RemotingCommand cmd = decode("{\"code\":105,\"extFields\":{\"topic\":\"T\"},\"flag\":2,\"language\":\"GO\","
            + "\"opaque\":27,\"remark\":\"r\",\"serializeTypeCurrentRPC\":\"JSON\",\"version\":513}");
        assertEquals(105, cmd.getCode());
        assertEquals(Map.of("topic", "T"), cmd.getExtFields());
        assertEquals(2, cmd.getFlag());
        assertTrue(cmd.isOneway());
        assertEquals(LanguageCode.GO, cmd.getLanguage());
        assertEquals(27, cmd.getOpaque());
        assertEquals("r", cmd.getRemark());
        assertEquals(513, cmd.getVersion());
    }

    @Test
    void unknownLanguageDecodesAsNull() throws RemotingCommandException {
        assertNull(decode("{\"code\":105,\"language\":\"golang\",\"opaque\":1}").getLanguage());
    }

    @Test
    void numericLanguageIsAnOrdinal() throws RemotingCommandException {
        assertEquals(LanguageCode.OTHER, decode("{\"code\":105,\"language\":7}").getLanguage());
    }

    @Test
    void emptyRemarkIsKept() throws RemotingCommandException {
        assertEquals("", decode("{\"code\":105,\"remark\":\"\",\"language\":\"GO\"}").getRemark());
    }

    @Test
    void nullExtFieldsAndUnknownFieldsAreAccepted() throws RemotingCommandException {
        RemotingCommand cmd = decode("{\"code\":105,\"extFields\":null,\"whatever\":{\"x\":[1,2]},\"opaque\":3}");
        assertNull(cmd.getExtFields());
        assertEquals(3, cmd.getOpaque());
    }

    @Test
    void missingFieldsDefault() throws RemotingCommandException {
        RemotingCommand cmd = decode("{}");
        assertEquals(0, cmd.getCode());
        assertNull(cmd.getLanguage());
        assertNull(cmd.getRemark());
        assertNull(cmd.getExtFields());
    }

    @Test
    void nonStringExtFieldValuesBecomeStrings() throws RemotingCommandException {
        RemotingCommand cmd = decode("{\"code\":103,\"extFields\":{\"brokerId\":0,\"compressed\":false}}");
        assertEquals(Map.of("brokerId", "0", "compressed", "false"), cmd.getExtFields());
    }

    @Test
    void notAnObjectIsRejected() {
        assertThrows(RemotingCommandException.class, () -> decode("[]"));
        assertThrows(RemotingCommandException.class, () -> decode("{\"code\":105,\"extFields\":[1]}"));
        assertThrows(RemotingCommandException.class, () -> decode("{\"code\":\"abc\"}"));
    }
}
