package io.namesrv.protocol;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * The two wire forms of a {@link RegisterBrokerBody}.
 *
 * <p>JSON: the plain fastjson form. Brokers older than V3_0_11 (request version 37) send a bare
 * {@link TopicConfigSerializeWrapper} instead.
 *
 * <p>Compressed (header {@code compressed=true}): a zlib stream (best compression) of
 * <pre>
 * int32 len, DataVersion JSON
 * int32 topicCount, topicCount x (int32 len, {@link TopicConfigText} UTF-8)
 * int32 len, filterServerList JSON array
 * int32 mappingCount, mappingCount x (int32 len, TopicQueueMappingInfo JSON)   -- 5.x only
 * </pre>
 * The mapping section is read only from request version V5_0_0 (413) on, as Apache does, since
 * 4.x brokers end the stream before it.
 *
 * <p>A compressed body is hostile input that can claim anything: decoding inflates at most
 * {@link #MAX_INFLATED_BYTES}, never allocates an item before its bytes could fit in what is left
 * of that budget, and rejects a count that the rest of the budget cannot hold. So a small body
 * claiming 2^31 topics or a 2 GiB item fails fast with {@link MalformedBodyException}.
 */
public final class RegisterBrokerBodyCodec {

    /** Request versions below this send a bare TopicConfigSerializeWrapper. */
    public static final int V3_0_11 = 37;
    /** From this request version on, a compressed body carries the static-topic mapping section. */
    public static final int V5_0_0 = 413;

    /**
     * Most bytes one compressed body may inflate to: room for about 250k topic lines (a real
     * broker's are ~100 bytes each), yet a zip bomb cannot exhaust the heap.
     */
    public static final int MAX_INFLATED_BYTES = 32 * 1024 * 1024;
    /** Each item (topic line, DataVersion, list, mapping) has a 4-byte length before it. */
    private static final int LENGTH_BYTES = 4;
    /** Initial table size cap: the table grows with what actually arrives, not with the claim. */
    private static final int MAX_INITIAL_CAPACITY = 1024;

    private final JsonBodies json;
    private final TopicConfigText text;

    public RegisterBrokerBodyCodec(JsonBodies json) {
        this.json = json;
        this.text = new TopicConfigText(json);
    }

    /** Decodes a REGISTER_BROKER body as the header and request version say it is written. */
    public RegisterBrokerBody decode(byte[] body, boolean compressed, int requestVersion) {
        if (compressed) {
            return decodeCompressed(body, requestVersion);
        }
        if (requestVersion < V3_0_11) {
            TopicConfigSerializeWrapper wrapper = json.decode(body, TopicConfigSerializeWrapper.class);
            return new RegisterBrokerBody(wrapper, null);
        }
        return decodeJson(body);
    }

    /**
     * The usual shape takes {@link RegisterBrokerBodyJsonReader}; anything it declines is decoded
     * leniently by fastjson2, which also decides what is malformed.
     */
    public RegisterBrokerBody decodeJson(byte[] body) {
        RegisterBrokerBody fast = RegisterBrokerBodyJsonReader.read(body);
        return fast != null ? fast : json.decode(body, RegisterBrokerBody.class);
    }

    public byte[] encodeJson(RegisterBrokerBody body) {
        return json.encode(body);
    }

    public RegisterBrokerBody decodeCompressed(byte[] body, int requestVersion) {
        Inflater inflater = new Inflater();
        try (BudgetedInput in = new BudgetedInput(
                new InflaterInputStream(new ByteArrayInputStream(body), inflater, 8192), MAX_INFLATED_BYTES)) {
            DataVersion dataVersion = json.decode(in.readItem(), DataVersion.class);

            int topicCount = in.readCount("topic");
            Map<String, TopicConfig> topics = new HashMap<>(capacityFor(topicCount));
            for (int i = 0; i < topicCount; i++) {
                TopicConfig config = text.decode(new String(in.readItem(), StandardCharsets.UTF_8));
                topics.put(config.topicName(), config);
            }

            List<String> filterServerList = json.decodeList(in.readItem(), String.class);

            Map<String, TopicQueueMappingInfo> mappings = new HashMap<>();
            if (requestVersion >= V5_0_0) {
                readMappings(in, mappings);
            }
            TopicConfigSerializeWrapper wrapper =
                    new TopicConfigSerializeWrapper(dataVersion, topics, null, mappings, null);
            return new RegisterBrokerBody(wrapper, filterServerList);
        } catch (IOException e) {
            throw new MalformedBodyException("bad compressed register body: " + e, e);
        } catch (RuntimeException e) { // e.g. a topic line TopicConfigText cannot parse
            if (e instanceof MalformedBodyException m) {
                throw m;
            }
            throw new MalformedBodyException("bad compressed register body: " + e, e);
        } finally {
            inflater.end();
        }
    }

    public byte[] encodeCompressed(RegisterBrokerBody body) {
        TopicConfigSerializeWrapper wrapper = body.topicConfigSerializeWrapper();
        if (wrapper == null || wrapper.dataVersion() == null) {
            throw new IllegalArgumentException("a compressed body needs a topicConfigSerializeWrapper with a dataVersion");
        }
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes, deflater, 8192))) {
            writeItem(out, json.encode(wrapper.dataVersion()));

            Map<String, TopicConfig> topics = wrapper.topicConfigTable();
            out.writeInt(topics == null ? 0 : topics.size());
            if (topics != null) {
                for (TopicConfig config : topics.values()) {
                    writeItem(out, text.encode(config).getBytes(StandardCharsets.UTF_8));
                }
            }

            writeItem(out, json.encode(body.filterServerList()));

            Map<String, TopicQueueMappingInfo> mappings = wrapper.topicQueueMappingInfoMap();
            out.writeInt(mappings == null ? 0 : mappings.size());
            if (mappings != null) {
                for (TopicQueueMappingInfo info : mappings.values()) {
                    writeItem(out, json.encode(info));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in-memory streams do not fail
        } finally {
            deflater.end();
        }
        return bytes.toByteArray();
    }

    private void readMappings(BudgetedInput in, Map<String, TopicQueueMappingInfo> into) throws IOException {
        if (in.atEnd()) {
            return; // a broker that wrote no mapping section at all: nothing to read
        }
        int count = in.readCount("mapping");
        for (int i = 0; i < count; i++) {
            TopicQueueMappingInfo info = json.decode(in.readItem(), TopicQueueMappingInfo.class);
            into.put(info.topic(), info);
        }
    }

    /** The inflated stream, read with a byte budget so that no claim can outgrow it. */
    private static final class BudgetedInput implements AutoCloseable {

        private final DataInputStream in;
        private long remaining;

        BudgetedInput(InputStream in, long budget) {
            this.in = new DataInputStream(new BufferedInputStream(in, 8192));
            this.remaining = budget;
        }

        boolean atEnd() throws IOException {
            in.mark(1);
            if (in.read() < 0) {
                return true;
            }
            in.reset();
            return false;
        }

        int readInt() throws IOException {
            spend(LENGTH_BYTES, "length field");
            return in.readInt();
        }

        /** A count of items that each need at least a length field, so the budget caps it. */
        int readCount(String what) throws IOException {
            int count = readInt();
            if (count < 0 || (long) count * LENGTH_BYTES > remaining) {
                throw new MalformedBodyException("bad " + what + " count " + count + " (at most "
                    + remaining / LENGTH_BYTES + " fit in the rest of the body)");
            }
            return count;
        }

        byte[] readItem() throws IOException {
            int len = readInt();
            if (len < 0) {
                throw new MalformedBodyException("bad item length " + len);
            }
            spend(len, "item of " + len + " bytes");
            byte[] item = new byte[len];
            in.readFully(item);
            return item;
        }

        private void spend(long bytes, String what) {
            if (bytes > remaining) {
                throw new MalformedBodyException(what + " exceeds the " + MAX_INFLATED_BYTES
                    + "-byte inflated size limit of a register body");
            }
            remaining -= bytes;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    private static void writeItem(DataOutputStream out, byte[] item) throws IOException {
        out.writeInt(item.length);
        out.write(item);
    }

    private static int capacityFor(int entries) {
        return (int) (Math.min(MAX_INITIAL_CAPACITY, entries) / 0.75f + 1);
    }
}
