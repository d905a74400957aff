package io.namesrv.protocol.header;

import io.namesrv.remoting.protocol.CommandCustomHeader;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every header record against Apache 5.3.3's class of the same name: the same field names, what
 * Apache writes with {@code makeCustomHeaderToNet()} reads identically with our {@code decode},
 * and what we write reads identically with Apache's {@code decodeCommandCustomHeader}.
 */
class HeaderCompatibilityTest {

    private static final String NS = "org.apache.rocketmq.remoting.protocol.header.namesrv.";
    private static final String H = "org.apache.rocketmq.remoting.protocol.header.";

    static Stream<Arguments> pairs() {
        return Stream.of(
                Arguments.of(RegisterBrokerRequestHeader.class, NS + "RegisterBrokerRequestHeader"),
                Arguments.of(RegisterBrokerResponseHeader.class, NS + "RegisterBrokerResponseHeader"),
                Arguments.of(UnRegisterBrokerRequestHeader.class, NS + "UnRegisterBrokerRequestHeader"),
                Arguments.of(GetRouteInfoRequestHeader.class, NS + "GetRouteInfoRequestHeader"),
                Arguments.of(PutKVConfigRequestHeader.class, NS + "PutKVConfigRequestHeader"),
                Arguments.of(GetKVConfigRequestHeader.class, NS + "GetKVConfigRequestHeader"),
                Arguments.of(GetKVConfigResponseHeader.class, NS + "GetKVConfigResponseHeader"),
                Arguments.of(DeleteKVConfigRequestHeader.class, NS + "DeleteKVConfigRequestHeader"),
                Arguments.of(GetKVListByNamespaceRequestHeader.class, NS + "GetKVListByNamespaceRequestHeader"),
                Arguments.of(WipeWritePermOfBrokerRequestHeader.class, NS + "WipeWritePermOfBrokerRequestHeader"),
                Arguments.of(WipeWritePermOfBrokerResponseHeader.class, NS + "WipeWritePermOfBrokerResponseHeader"),
                Arguments.of(AddWritePermOfBrokerRequestHeader.class, NS + "AddWritePermOfBrokerRequestHeader"),
                Arguments.of(AddWritePermOfBrokerResponseHeader.class, NS + "AddWritePermOfBrokerResponseHeader"),
                Arguments.of(DeleteTopicFromNamesrvRequestHeader.class, NS + "DeleteTopicFromNamesrvRequestHeader"),
                Arguments.of(RegisterTopicRequestHeader.class, NS + "RegisterTopicRequestHeader"),
                Arguments.of(GetTopicsByClusterRequestHeader.class, H + "GetTopicsByClusterRequestHeader"),
                Arguments.of(QueryDataVersionRequestHeader.class, NS + "QueryDataVersionRequestHeader"),
                Arguments.of(QueryDataVersionResponseHeader.class, NS + "QueryDataVersionResponseHeader"),
                Arguments.of(GetBrokerMemberGroupRequestHeader.class, H + "GetBrokerMemberGroupRequestHeader"),
                Arguments.of(BrokerHeartbeatRequestHeader.class, NS + "BrokerHeartbeatRequestHeader"),
                Arguments.of(DeleteTopicRequestHeader.class, H + "DeleteTopicRequestHeader"),
                Arguments.of(GetTopicStatsInfoRequestHeader.class, H + "GetTopicStatsInfoRequestHeader"),
                Arguments.of(NotifyMinBrokerIdChangeRequestHeader.class, H + "NotifyMinBrokerIdChangeRequestHeader"));
    }

    @ParameterizedTest
    @MethodSource("pairs")
    void fieldNamesAreApaches(Class<? extends Record> ours, String apacheName) throws Exception {
        Set<String> mine = Arrays.stream(ours.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> theirs = apacheFields(Class.forName(apacheName)).keySet().stream()
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(theirs, mine);
    }

    @ParameterizedTest
    @MethodSource("pairs")
    void whatApacheWritesWeReadAndWriteBackIdentically(Class<? extends Record> ours, String apacheName) throws Exception {
        Class<?> apacheClass = Class.forName(apacheName);
        Object apache = populated(apacheClass);
        Map<String, String> ext = apacheWrite(apache);

        Record decoded = decode(ours, ext);
        for (Map.Entry<String, Field> f : apacheFields(apacheClass).entrySet()) {
            assertEquals(f.getValue().get(apache), component(decoded, f.getKey()), f.getKey());
        }
        Map<String, String> written = new HashMap<>();
        ((CommandCustomHeader) decoded).writeTo(written);
        assertEquals(ext, written);
    }

    @ParameterizedTest
    @MethodSource("pairs")
    void whatWeWriteApacheReadsIdentically(Class<? extends Record> ours, String apacheName) throws Exception {
        Class<?> apacheClass = Class.forName(apacheName);
        Object original = populated(apacheClass);
        Record mine = decode(ours, apacheWrite(original));
        Map<String, String> written = new HashMap<>();
        ((CommandCustomHeader) mine).writeTo(written);

        Object read = apacheRead(apacheClass, written);
        for (Map.Entry<String, Field> f : apacheFields(apacheClass).entrySet()) {
            assertEquals(f.getValue().get(original), f.getValue().get(read), f.getKey());
        }
    }

    /** Missing and unparsable values: both sides end with the same nulls and primitive defaults. */
    @ParameterizedTest
    @MethodSource("pairs")
    void missingAndUnparsableValuesReadAlike(Class<? extends Record> ours, String apacheName) throws Exception {
        Class<?> apacheClass = Class.forName(apacheName);
        Map<String, String> junk = new HashMap<>();
        apacheFields(apacheClass).forEach((name, f) -> junk.put(name, f.getType() == String.class ? "s" : "not-a-value"));
        for (Map<String, String> ext : java.util.List.of(new HashMap<String, String>(), junk)) {
            Object apache = apacheRead(apacheClass, ext);
            Record decoded = decode(ours, ext);
            for (Map.Entry<String, Field> f : apacheFields(apacheClass).entrySet()) {
                assertEquals(f.getValue().get(apache), component(decoded, f.getKey()), f.getKey() + " from " + ext);
            }
        }
    }

    /** Apache 5.x topic headers may carry rpc fields (lo, ns, nsd, bname, oway); we read past them. */
    @ParameterizedTest
    @MethodSource("pairs")
    void rpcExtrasFromTopicRequestHeadersAreIgnored(Class<? extends Record> ours, String apacheName) throws Exception {
        Object apache = populated(Class.forName(apacheName));
        Map<String, String> ext = apacheWrite(apache);
        Map<String, String> withExtras = new HashMap<>(ext);
        withExtras.put("lo", "true");
        withExtras.put("ns", "namespace");
        withExtras.put("bname", "broker-x");
        withExtras.put("oway", "false");
        assertEquals(decode(ours, ext), decode(ours, withExtras));
    }

    /**
     * UPDATE_AND_CREATE_TOPIC, which mqadmin sends to brokers: Apache's header checks its fields
     * (a filter type must be an enum name), so it is compared with real values instead of the
     * generic distinct ones above, both ways.
     */
    @Test
    void createTopicHeaderReadsAlikeBothWays() throws Exception {
        Class<?> apacheClass = Class.forName(H + "CreateTopicRequestHeader");
        assertEquals(apacheFields(apacheClass).keySet(), Arrays.stream(CreateTopicRequestHeader.class.getRecordComponents())
            .map(RecordComponent::getName).collect(Collectors.toCollection(TreeSet::new)));
        CreateTopicRequestHeader ours = new CreateTopicRequestHeader("TopicA", "TBW102", 8, 4, 6, "SINGLE_TAG", 1,
            Boolean.TRUE, "+delete.policy=COMPACTION", Boolean.FALSE);
        Map<String, String> written = new HashMap<>();
        ours.writeTo(written);
        Object read = apacheRead(apacheClass, written);
        for (Map.Entry<String, Field> f : apacheFields(apacheClass).entrySet()) {
            assertEquals(component(ours, f.getKey()), f.getValue().get(read), f.getKey());
        }
        assertEquals(apacheWrite(read), written);
        assertEquals(ours, CreateTopicRequestHeader.decode(apacheWrite(read)));
    }

    /** Non-static fields the header declares itself (not the rpc extras of its superclasses). */
    private static Map<String, Field> apacheFields(Class<?> c) {
        Map<String, Field> fields = new java.util.TreeMap<>();
        for (Field f : c.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers()) && !f.getName().startsWith("this")) {
                f.setAccessible(true);
                fields.put(f.getName(), f);
            }
        }
        return fields;
    }

    /** An Apache header with every field set to a distinct value. */
    private static Object populated(Class<?> c) throws Exception {
        Object o = c.getDeclaredConstructor().newInstance();
        int i = 0;
        for (Field f : apacheFields(c).values()) {
            i++;
            Class<?> t = f.getType();
            if (t == String.class) {
                f.set(o, f.getName() + "-值-" + i);
            } else if (t == Long.class || t == long.class) {
                f.set(o, 1_000_000_000_000L + i);
            } else if (t == Integer.class || t == int.class) {
                f.set(o, 100 + i);
            } else if (t == Boolean.class || t == boolean.class) {
                f.set(o, true);
            } else {
                throw new AssertionError("unexpected field type " + t + " in " + c);
            }
        }
        return o;
    }

    private static Map<String, String> apacheWrite(Object header) {
        RemotingCommand cmd = RemotingCommand.createRequestCommand(0,
                (org.apache.rocketmq.remoting.CommandCustomHeader) header);
        cmd.makeCustomHeaderToNet();
        return new HashMap<>(cmd.getExtFields());
    }

    @SuppressWarnings("unchecked")
    private static Object apacheRead(Class<?> c, Map<String, String> ext) throws Exception {
        RemotingCommand cmd = RemotingCommand.createRequestCommand(0, null);
        cmd.setExtFields(new HashMap<>(ext));
        return cmd.decodeCommandCustomHeader((Class<? extends org.apache.rocketmq.remoting.CommandCustomHeader>) c);
    }

    private static Record decode(Class<? extends Record> ours, Map<String, String> ext) throws Exception {
        return (Record) ours.getMethod("decode", Map.class).invoke(null, ext);
    }

    private static Object component(Record r, String name) throws Exception {
        return r.getClass().getMethod(name).invoke(r);
    }
}
