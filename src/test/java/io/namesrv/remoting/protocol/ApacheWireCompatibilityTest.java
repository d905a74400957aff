package io.namesrv.remoting.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.alibaba.fastjson2.JSON;
import io.namesrv.remoting.netty.NettyDecoder;
import io.namesrv.remoting.netty.NettyEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.rocketmq.remoting.protocol.header.namesrv.GetRouteInfoRequestHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Golden compatibility with Apache RocketMQ 5.3.3's own remoting: frames written by Apache's
 * {@code NettyEncoder} decode identically with ours, ours decode identically with Apache's
 * {@code NettyDecoder}, and a JSON header without extFields is byte-identical.
 */
class ApacheWireCompatibilityTest {

    private static final List<String> REMARKS = List.of(
        "plain", "multi\nline\r\nremark", "tab\there \"quoted\" back\\slash", "non-ASCII: é ü 中文 😀",
        "controls: \u0000\u0001\u0007\b\f\u000b\u001f\u007f end", "slash / and <html> & 'apos' \u2028 \u2029 \u2027 \u202a");

    private static final int VERSION = 479;

    // --- helpers -------------------------------------------------------------------------------

    private static byte[] apacheEncode(org.apache.rocketmq.remoting.protocol.RemotingCommand cmd) {
        EmbeddedChannel ch = new EmbeddedChannel(new org.apache.rocketmq.remoting.netty.NettyEncoder());
        ch.writeOutbound(cmd);
        ByteBuf out = ch.readOutbound();
        byte[] bytes = ByteBufUtil.getBytes(out);
        out.release();
        ch.finishAndReleaseAll();
        return bytes;
    }

    private static byte[] ourEncode(RemotingCommand cmd) {
        EmbeddedChannel ch = new EmbeddedChannel(new NettyEncoder());
        ch.writeOutbound(cmd);
        ByteBuf out = ch.readOutbound();
        byte[] bytes = ByteBufUtil.getBytes(out);
        out.release();
        ch.finishAndReleaseAll();
        return bytes;
    }

    private static RemotingCommand ourDecode(byte[] frame) {
        EmbeddedChannel ch = new EmbeddedChannel(new NettyDecoder(NettyDecoder.DEFAULT_MAX_FRAME_LENGTH));
        ch.writeInbound(ch.alloc().buffer().writeBytes(frame));
        RemotingCommand cmd = ch.readInbound();
        ch.finishAndReleaseAll();
        assertNotNull(cmd, "our decoder produced nothing");
        return cmd;
    }

    private static org.apache.rocketmq.remoting.protocol.RemotingCommand apacheDecode(byte[] frame) {
        EmbeddedChannel ch = new EmbeddedChannel(new org.apache.rocketmq.remoting.netty.NettyDecoder());
        ch.writeInbound(ch.alloc().buffer().writeBytes(frame));
        org.apache.rocketmq.remoting.protocol.RemotingCommand cmd = ch.readInbound();
        ch.finishAndReleaseAll();
        assertNotNull(cmd, "Apache's decoder produced nothing");
        return cmd;
    }

    private static org.apache.rocketmq.remoting.protocol.SerializeType apacheType(SerializeType type) {
        return org.apache.rocketmq.remoting.protocol.SerializeType.valueOf(type.name());
    }

    private static void assertSame(org.apache.rocketmq.remoting.protocol.RemotingCommand apache, RemotingCommand ours) {
        assertEquals(apache.getCode(), ours.getCode(), "code");
        assertEquals(apache.getLanguage() == null ? null : apache.getLanguage().name(),
            ours.getLanguage() == null ? null : ours.getLanguage().name(), "language");
        assertEquals(apache.getVersion(), ours.getVersion(), "version");
        assertEquals(apache.getOpaque(), ours.getOpaque(), "opaque");
        assertEquals(apache.getFlag(), ours.getFlag(), "flag");
        assertEquals(apache.getRemark(), ours.getRemark(), "remark");
        assertEquals(apache.getExtFields(), ours.getExtFields(), "extFields");
        assertArrayEquals(apache.getBody(), ours.getBody(), "body");
        assertEquals(apache.getSerializeTypeCurrentRPC().name(), ours.getSerializeTypeCurrentRPC().name(), "type");
    }

    private static org.apache.rocketmq.remoting.protocol.RemotingCommand apacheRequest(SerializeType type,
                                                                                        String remark, boolean withHeader,
                                                                                        boolean withBody) {
        GetRouteInfoRequestHeader header = null;
        if (withHeader) {
            header = new GetRouteInfoRequestHeader();
            header.setTopic("TopicTest-中");
            header.setAcceptStandardJsonOnly(true);
        }
        org.apache.rocketmq.remoting.protocol.RemotingCommand cmd =
            org.apache.rocketmq.remoting.protocol.RemotingCommand.createRequestCommand(105, header);
        cmd.setSerializeTypeCurrentRPC(apacheType(type));
        cmd.setVersion(VERSION);
        cmd.setOpaque(12345);
        cmd.setRemark(remark);
        cmd.setLanguage(org.apache.rocketmq.remoting.protocol.LanguageCode.GO);
        if (withBody) {
            cmd.setBody("{\"body\":\"ü\"}".getBytes(StandardCharsets.UTF_8));
        }
        return cmd;
    }

    // --- Apache -> ours ------------------------------------------------------------------------

    /** What Apache's clients and brokers send is read by the fast header reader, not declined to fastjson2. */
    @Test
    void apacheJsonHeadersTakeTheFastPath() {
        org.apache.rocketmq.remoting.protocol.header.namesrv.RegisterBrokerRequestHeader register =
            new org.apache.rocketmq.remoting.protocol.header.namesrv.RegisterBrokerRequestHeader();
        register.setBrokerName("broker-a");
        register.setBrokerAddr("10.0.0.1:10911");
        register.setClusterName("DefaultCluster");
        register.setHaServerAddr("10.0.0.1:10912");
        register.setBrokerId(0L);
        register.setCompressed(false);
        register.setBodyCrc32(-12345);
        GetRouteInfoRequestHeader route = new GetRouteInfoRequestHeader();
        route.setTopic("TopicTest");
        for (org.apache.rocketmq.remoting.protocol.RemotingCommand apache : List.of(
                org.apache.rocketmq.remoting.protocol.RemotingCommand.createRequestCommand(105, route),
                org.apache.rocketmq.remoting.protocol.RemotingCommand.createRequestCommand(103, register),
                org.apache.rocketmq.remoting.protocol.RemotingCommand.createRequestCommand(106, null))) {
            apache.setSerializeTypeCurrentRPC(org.apache.rocketmq.remoting.protocol.SerializeType.JSON);
            byte[] frame = apacheEncode(apache);
            int headerLength = ByteBuffer.wrap(frame, 4, 4).getInt() & 0xFFFFFF;
            byte[] header = Arrays.copyOfRange(frame, 8, 8 + headerLength);
            RemotingCommand fast = JsonHeaderFastReader.read(header);
            assertNotNull(fast, new String(header, StandardCharsets.UTF_8));
            assertSame(apacheDecode(frame), ourDecode(frame));
        }
    }

    @ParameterizedTest
    @EnumSource(SerializeType.class)
    void apacheFramesDecodeIdenticallyWithOurs(SerializeType type) {
        for (String remark : REMARKS) {
            for (boolean header : new boolean[] {false, true}) {
                for (boolean body : new boolean[] {false, true}) {
                    org.apache.rocketmq.remoting.protocol.RemotingCommand apache = apacheRequest(type, remark, header, body);
                    byte[] frame = apacheEncode(apache);
                    RemotingCommand ours = ourDecode(frame);
                    // Compare with what Apache itself reads back from the same bytes.
                    assertSame(apacheDecode(frame), ours);
                    if (header) {
                        assertEquals("TopicTest-中", ours.extField("topic"));
                        assertEquals("true", ours.extField("acceptStandardJsonOnly"));
                    }
                }
            }
        }
    }

    @Test
    void everyLanguageCodeMatchesInTheBinaryHeader() {
        for (org.apache.rocketmq.remoting.protocol.LanguageCode lang
            : org.apache.rocketmq.remoting.protocol.LanguageCode.values()) {
            org.apache.rocketmq.remoting.protocol.RemotingCommand apache = apacheRequest(SerializeType.ROCKETMQ, null, false, false);
            apache.setLanguage(lang);
            assertEquals(lang.name(), ourDecode(apacheEncode(apache)).getLanguage().name());
            RemotingCommand ours = RemotingCommand.request(105, null).setLanguage(LanguageCode.valueOf(lang.name()))
                .setSerializeTypeCurrentRPC(SerializeType.ROCKETMQ);
            assertEquals(lang, apacheDecode(ourEncode(ours)).getLanguage());
        }
    }

    // --- ours -> Apache ------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(SerializeType.class)
    void ourFramesDecodeIdenticallyWithApache(SerializeType type) throws Exception {
        for (String remark : REMARKS) {
            for (boolean header : new boolean[] {false, true}) {
                for (boolean body : new boolean[] {false, true}) {
                    RemotingCommand ours = RemotingCommand.request(105, null)
                        .setSerializeTypeCurrentRPC(type).setVersion(VERSION).setOpaque(777)
                        .setLanguage(LanguageCode.JAVA).setRemark(remark);
                    ours.markOneway();
                    if (header) {
                        ours.addExtField("topic", "TopicTest-中");
                        ours.addExtField("acceptStandardJsonOnly", "true");
                    }
                    if (body) {
                        ours.setBody(new byte[] {0, 1, 2, (byte) 0xFF});
                    }
                    byte[] frame = ourEncode(ours);
                    org.apache.rocketmq.remoting.protocol.RemotingCommand apache = apacheDecode(frame);
                    // Round trip through our decoder must agree with Apache's reading.
                    assertSame(apache, ourDecode(frame));
                    // The ROCKETMQ header writes an empty remark as "no remark", like Apache's.
                    assertEquals(type == SerializeType.ROCKETMQ && remark.isEmpty() ? null : remark, apache.getRemark());
                    assertEquals(777, apache.getOpaque());
                    if (header) {
                        GetRouteInfoRequestHeader h = apache.decodeCommandCustomHeader(GetRouteInfoRequestHeader.class);
                        assertEquals("TopicTest-中", h.getTopic());
                        assertEquals(Boolean.TRUE, h.getAcceptStandardJsonOnly());
                    }
                }
            }
        }
    }

    // --- byte-level comparison of the JSON header ----------------------------------------------

    @Test
    void jsonResponseWithoutExtFieldsIsByteIdentical() {
        for (String remark : REMARKS) {
            org.apache.rocketmq.remoting.protocol.RemotingCommand apache =
                org.apache.rocketmq.remoting.protocol.RemotingCommand.createResponseCommand(1, remark);
            apache.setOpaque(99);
            apache.setVersion(VERSION);
            apache.setSerializeTypeCurrentRPC(org.apache.rocketmq.remoting.protocol.SerializeType.JSON);
            RemotingCommand ours = RemotingCommand.response(1, remark).setOpaque(99).setVersion(VERSION);
            byte[] a = apacheEncode(apache);
            byte[] o = ourEncode(ours);
            assertEquals(new String(a, 8, a.length - 8, StandardCharsets.UTF_8),
                new String(o, 8, o.length - 8, StandardCharsets.UTF_8), "header for remark " + remark);
            assertArrayEquals(a, o, "frame for remark " + remark);
        }
    }

    @Test
    void rocketmqFramesWithAtMostOneExtFieldAreByteIdentical() {
        for (String remark : REMARKS) {
            org.apache.rocketmq.remoting.protocol.RemotingCommand apache = apacheRequest(SerializeType.ROCKETMQ, remark,
                false, true);
            apache.addExtField("topic", "TopicTest");
            RemotingCommand ours = RemotingCommand.request(105, null).setSerializeTypeCurrentRPC(SerializeType.ROCKETMQ)
                .setVersion(VERSION).setOpaque(12345).setRemark(remark).setLanguage(LanguageCode.GO)
                .setBody("{\"body\":\"ü\"}".getBytes(StandardCharsets.UTF_8));
            ours.addExtField("topic", "TopicTest");
            assertArrayEquals(apacheEncode(apache), ourEncode(ours), "remark " + remark);
        }
    }

    @Test
    void jsonResponseWithBodyAndNullRemarkIsByteIdentical() {
        org.apache.rocketmq.remoting.protocol.RemotingCommand apache =
            org.apache.rocketmq.remoting.protocol.RemotingCommand.createResponseCommand(0, null);
        apache.setOpaque(5);
        apache.setVersion(VERSION);
        apache.setBody("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        RemotingCommand ours = RemotingCommand.response(0, null).setOpaque(5).setVersion(VERSION)
            .setBody("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        assertArrayEquals(apacheEncode(apache), ourEncode(ours));
    }

    @Test
    void jsonResponseWithExtFieldsMatchesAsParsedMapAndElsewhereByteForByte() {
        Map<String, String> ext = new HashMap<>();
        ext.put("haServerAddr", "10.0.0.1:10912");
        ext.put("masterAddr", "10.0.0.1:10911");
        ext.put("note", "é\n\"x\"");
        org.apache.rocketmq.remoting.protocol.RemotingCommand apache =
            org.apache.rocketmq.remoting.protocol.RemotingCommand.createResponseCommand(0, "ok");
        apache.setExtFields(new HashMap<>(ext));
        apache.setOpaque(6);
        apache.setVersion(VERSION);
        RemotingCommand ours = RemotingCommand.response(0, "ok").setExtFields(new HashMap<>(ext)).setOpaque(6)
            .setVersion(VERSION);
        String a = headerOf(apacheEncode(apache));
        String o = headerOf(ourEncode(ours));
        assertEquals(a.length(), o.length());
        assertEquals(JSON.parseObject(a), JSON.parseObject(o));
        String head = "{\"code\":0,\"extFields\":{";
        assertEquals(head, a.substring(0, head.length()));
        assertEquals(head, o.substring(0, head.length()));
        assertEquals(a.substring(a.indexOf("},\"flag\"")), o.substring(o.indexOf("},\"flag\"")));
    }

    @Test
    void emptyCustomHeaderGivesEmptyExtFieldsLikeApache() {
        org.apache.rocketmq.remoting.protocol.RemotingCommand apache =
            org.apache.rocketmq.remoting.protocol.RemotingCommand.createResponseCommand(
                org.apache.rocketmq.remoting.protocol.header.namesrv.RegisterBrokerResponseHeader.class);
        apache.setCode(0);
        apache.setRemark(null);
        apache.setOpaque(8);
        apache.setVersion(VERSION);
        RemotingCommand ours = RemotingCommand.response(0, null, ext -> { }).setOpaque(8).setVersion(VERSION);
        String a = headerOf(apacheEncode(apache));
        assertEquals(a, headerOf(ourEncode(ours)));
        assertEquals(true, a.contains("\"extFields\":{}"), a);
    }

    private static String headerOf(byte[] frame) {
        int headerLen = ((frame[4] & 0xFF) << 24 | (frame[5] & 0xFF) << 16 | (frame[6] & 0xFF) << 8 | (frame[7] & 0xFF))
            & 0xFFFFFF;
        return new String(frame, 8, headerLen, StandardCharsets.UTF_8);
    }
}
