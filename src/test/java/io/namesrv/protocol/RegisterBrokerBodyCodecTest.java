package io.namesrv.protocol;

import org.apache.rocketmq.common.MQVersion;
import org.apache.rocketmq.remoting.protocol.body.TopicConfigAndMappingSerializeWrapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** REGISTER_BROKER bodies in both wire forms, against Apache 5.3.3's RegisterBrokerBody. */
class RegisterBrokerBodyCodecTest {

    private final JsonBodies json = new JsonBodies();
    private final RegisterBrokerBodyCodec codec = new RegisterBrokerBodyCodec(json);

    /** Apache's body with {@code topics} topics, a static-topic mapping and a filter server. */
    static org.apache.rocketmq.remoting.protocol.body.RegisterBrokerBody apacheBody(int topics) {
        var table = new ConcurrentHashMap<String, org.apache.rocketmq.common.TopicConfig>();
        for (int i = 0; i < topics; i++) {
            String name = String.format("Topic-%028d", i); // 32 characters, as in the spec's sizing
            var tc = new org.apache.rocketmq.common.TopicConfig(name, 4 + i % 3, 4 + i % 5, i % 2 == 0 ? 6 : 4);
            tc.setTopicSysFlag(i % 4);
            tc.setOrder(i % 7 == 0);
            if (i % 10 == 0) {
                tc.getAttributes().put("+message.type", "FIFO");
            }
            table.put(name, tc);
        }
        var wrapper = new TopicConfigAndMappingSerializeWrapper();
        wrapper.setTopicConfigTable(table);
        wrapper.setDataVersion(ApacheMirror.apache(new DataVersion(3L, 1795421958841L, 17L)));
        wrapper.setMappingDataVersion(ApacheMirror.apache(new DataVersion(0L, 1795421958000L, 2L)));
        var info = new org.apache.rocketmq.remoting.protocol.statictopic.TopicQueueMappingInfo("StaticTopic", 4, "broker-a", 9007199254740993L);
        info.getCurrIdMap().put(0, 0);
        info.getCurrIdMap().put(17, 3);
        Map<String, org.apache.rocketmq.remoting.protocol.statictopic.TopicQueueMappingInfo> mapping = new HashMap<>();
        mapping.put("StaticTopic", info);
        wrapper.setTopicQueueMappingInfoMap(mapping);
        var body = new org.apache.rocketmq.remoting.protocol.body.RegisterBrokerBody();
        body.setTopicConfigSerializeWrapper(wrapper);
        body.setFilterServerList(new ArrayList<>(List.of("10.0.0.1:40000")));
        return body;
    }

    /** The same body on our side, the topic table in Apache's iteration order. */
    static RegisterBrokerBody oursOf(org.apache.rocketmq.remoting.protocol.body.RegisterBrokerBody a) {
        var w = a.getTopicConfigSerializeWrapper();
        Map<String, TopicQueueMappingInfo> mapping = new HashMap<>();
        w.getTopicQueueMappingInfoMap().forEach((k, v) -> mapping.put(k, new TopicQueueMappingInfo(
                v.getBname(), new HashMap<>(v.getCurrIdMap()), v.isDirty(), v.getEpoch(), v.getScope(), v.getTopic(), v.getTotalQueues())));
        return new RegisterBrokerBody(new TopicConfigSerializeWrapper(
                ApacheMirror.ours(w.getDataVersion()),
                ApacheMirror.ours(w.getTopicConfigTable()),
                ApacheMirror.ours(w.getMappingDataVersion()),
                mapping,
                new RawJson("{}")), ApacheMirror.copy(a.getFilterServerList()));
    }

    /** What a compressed body keeps: no sysflag/order, no mapping version or detail map. */
    private static RegisterBrokerBody compressedView(RegisterBrokerBody b, boolean withMapping) {
        TopicConfigSerializeWrapper w = b.topicConfigSerializeWrapper();
        Map<String, TopicConfig> topics = new LinkedHashMap<>();
        w.topicConfigTable().forEach((k, t) -> topics.put(k, new TopicConfig(t.topicName(), t.readQueueNums(),
                t.writeQueueNums(), t.perm(), t.topicFilterType(), 0, false, t.attributes())));
        return new RegisterBrokerBody(new TopicConfigSerializeWrapper(w.dataVersion(), topics, null,
                withMapping ? w.topicQueueMappingInfoMap() : Map.of(), null), b.filterServerList());
    }

    private static byte[] inflate(byte[] compressed) throws IOException {
        return new InflaterInputStream(new ByteArrayInputStream(compressed)).readAllBytes();
    }

    /** The topic names in the order a compressed body carries them. */
    private static List<String> topicOrder(byte[] compressed) throws IOException {
        java.io.DataInputStream in = new java.io.DataInputStream(new ByteArrayInputStream(inflate(compressed)));
        in.readFully(new byte[in.readInt()]);
        int count = in.readInt();
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] line = new byte[in.readInt()];
            in.readFully(line);
            names.add(new String(line, StandardCharsets.UTF_8).split(" ")[0]);
        }
        return names;
    }

    /** Ours with the topic table in the given order (Apache clones its table before writing it). */
    private static RegisterBrokerBody inOrder(RegisterBrokerBody b, List<String> order) {
        TopicConfigSerializeWrapper w = b.topicConfigSerializeWrapper();
        Map<String, TopicConfig> topics = new LinkedHashMap<>();
        order.forEach(name -> topics.put(name, w.topicConfigTable().get(name)));
        return new RegisterBrokerBody(new TopicConfigSerializeWrapper(w.dataVersion(), topics, w.mappingDataVersion(),
                w.topicQueueMappingInfoMap(), w.topicQueueMappingDetailMap()), b.filterServerList());
    }

    @Test
    void jsonFormIsByteIdenticalToApache() {
        var apache = apacheBody(40);
        byte[] expected = apache.encode(false);
        assertEquals(new String(expected, StandardCharsets.UTF_8), new String(codec.encodeJson(oursOf(apache)), StandardCharsets.UTF_8));
    }

    @Test
    void jsonFormDecodesBothWays() throws IOException {
        var apache = apacheBody(40);
        RegisterBrokerBody ours = oursOf(apache);
        assertEquals(ours, codec.decode(apache.encode(false), false, MQVersion.Version.V5_3_3.ordinal()));
        var back = org.apache.rocketmq.remoting.protocol.body.RegisterBrokerBody.decode(
                codec.encodeJson(ours), false, MQVersion.Version.V5_3_3);
        assertEquals(ours, oursOf(back)); // Apache's decoded table iterates in its own order
    }

    @Test
    void compressedFormMatchesApacheBeforeAndAfterDeflate() throws IOException {
        var apache = apacheBody(40);
        byte[] theirs = apache.encode(true);
        byte[] mine = codec.encodeCompressed(inOrder(oursOf(apache), topicOrder(theirs)));
        assertEquals(0x78, mine[0] & 0xff);
        assertEquals(0xda, mine[1] & 0xff); // zlib, best compression
        assertArrayEquals(inflate(theirs), inflate(mine));
        assertArrayEquals(theirs, mine);
    }

    @Test
    void decodesApachesCompressedFormWithTheMappingSectionFromVersion413() {
        var apache = apacheBody(40);
        RegisterBrokerBody ours = oursOf(apache);
        byte[] compressed = apache.encode(true);
        assertEquals(compressedView(ours, true), codec.decode(compressed, true, RegisterBrokerBodyCodec.V5_0_0));
        assertEquals(compressedView(ours, false), codec.decode(compressed, true, MQVersion.Version.V4_9_4.ordinal()));
    }

    @Test
    void apacheDecodesOurCompressedForm() throws IOException {
        var apache = apacheBody(40);
        byte[] mine = codec.encodeCompressed(oursOf(apache));
        for (MQVersion.Version v : new MQVersion.Version[] {MQVersion.Version.V5_0_0, MQVersion.Version.V4_9_4}) {
            var fromOurs = org.apache.rocketmq.remoting.protocol.body.RegisterBrokerBody.decode(mine, true, v);
            var fromTheirs = org.apache.rocketmq.remoting.protocol.body.RegisterBrokerBody.decode(apache.encode(true), true, v);
            // mappingDataVersion is not carried, each decode stamps a fresh one: compare the rest
            fromOurs.getTopicConfigSerializeWrapper().setMappingDataVersion(fromTheirs.getTopicConfigSerializeWrapper().getMappingDataVersion());
            assertEquals(oursOf(fromTheirs), oursOf(fromOurs), v.name());
        }
    }

    @Test
    void aBodyFrom497WithoutMappingSectionDecodesAtAnyVersion() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes, new Deflater(Deflater.BEST_COMPRESSION)))) {
            byte[] dv = "{\"counter\":1,\"timestamp\":5}".getBytes(StandardCharsets.UTF_8);
            out.writeInt(dv.length);
            out.write(dv);
            out.writeInt(1);
            byte[] topic = "TopicTest 4 4 6 SINGLE_TAG".getBytes(StandardCharsets.UTF_8);
            out.writeInt(topic.length);
            out.write(topic);
            out.writeInt(2);
            out.write("[]".getBytes(StandardCharsets.UTF_8));
        }
        RegisterBrokerBody expected = new RegisterBrokerBody(new TopicConfigSerializeWrapper(new DataVersion(0, 5, 1),
                Map.of("TopicTest", new TopicConfig("TopicTest", 4, 4, 6, TopicFilterType.SINGLE_TAG, 0, false, Map.of())),
                null, Map.of(), null), List.of());
        assertEquals(expected, codec.decode(bytes.toByteArray(), true, 399));
        assertEquals(expected, codec.decode(bytes.toByteArray(), true, RegisterBrokerBodyCodec.V5_0_0));
    }

    @Test
    void versionsBelow37SendABareTopicConfigSerializeWrapper() {
        var w = new org.apache.rocketmq.remoting.protocol.body.TopicConfigSerializeWrapper();
        w.setDataVersion(ApacheMirror.apache(new DataVersion(0L, 9L, 4L)));
        var table = new ConcurrentHashMap<String, org.apache.rocketmq.common.TopicConfig>();
        table.put("TopicTest", new org.apache.rocketmq.common.TopicConfig("TopicTest", 4, 4, 6));
        w.setTopicConfigTable(table);

        RegisterBrokerBody decoded = codec.decode(w.encode(), false, 36);
        assertEquals(TopicConfigSerializeWrapper.of(new DataVersion(0L, 9L, 4L), ApacheMirror.ours(table)),
                decoded.topicConfigSerializeWrapper());
        assertNull(decoded.filterServerList()); // "not sent": the name server keeps what it had
    }

    @Test
    void tenThousandTopicsRoundTripInBothForms() throws IOException {
        var apache = apacheBody(10_000);
        RegisterBrokerBody ours = oursOf(apache);
        byte[] plain = apache.encode(false);
        assertEquals(ours, codec.decodeJson(plain));
        assertArrayEquals(plain, codec.encodeJson(ours));

        byte[] compressed = apache.encode(true);
        RegisterBrokerBody fromCompressed = codec.decodeCompressed(compressed, RegisterBrokerBodyCodec.V5_0_0);
        assertEquals(10_000, fromCompressed.topicConfigSerializeWrapper().topicConfigTable().size());
        assertEquals(compressedView(ours, true).topicConfigSerializeWrapper().topicConfigTable(),
                fromCompressed.topicConfigSerializeWrapper().topicConfigTable());
        assertArrayEquals(inflate(compressed), inflate(codec.encodeCompressed(inOrder(ours, topicOrder(compressed)))));
    }

    @Test
    void emptyIsWhatApacheRegistersForAMissingBody() {
        RegisterBrokerBody empty = RegisterBrokerBody.empty();
        assertEquals(new DataVersion(0, 0, 0), empty.topicConfigSerializeWrapper().dataVersion());
        assertEquals(Map.of(), empty.topicConfigSerializeWrapper().topicConfigTable());
        assertEquals(List.of(), empty.filterServerList());
    }

    @Test
    void corruptOrTruncatedCompressedBodiesAreMalformed() {
        byte[] good = codec.encodeCompressed(oursOf(apacheBody(3)));
        assertThrows(MalformedBodyException.class, () -> codec.decodeCompressed(Arrays.copyOf(good, good.length / 2), 413));
        assertThrows(MalformedBodyException.class, () -> codec.decodeCompressed("{\"not\":\"zlib\"}".getBytes(StandardCharsets.UTF_8), 413));
        assertThrows(MalformedBodyException.class, () -> codec.decode("{\"topicConfigSerializeWrapper\":".getBytes(StandardCharsets.UTF_8), false, 413));
    }
}
