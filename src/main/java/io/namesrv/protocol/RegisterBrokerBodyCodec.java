package io.namesrv.protocol;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
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
 */
public final class RegisterBrokerBodyCodec {

    /** Request versions below this send a bare TopicConfigSerializeWrapper. */
    public static final int V3_0_11 = 37;
    /** From this request version on, a compressed body carries the static-topic mapping section. */
    public static final int V5_0_0 = 413;

    // No single item comes near this; it stops a corrupt length from allocating gigabytes.
    private static final int MAX_ITEM_BYTES = 64 * 1024 * 1024;

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

    public RegisterBrokerBody decodeJson(byte[] body) {
        return json.decode(body, RegisterBrokerBody.class);
    }

    public byte[] encodeJson(RegisterBrokerBody body) {
        return json.encode(body);
    }

    public RegisterBrokerBody decodeCompressed(byte[] body, int requestVersion) {
        Inflater inflater = new Inflater();
        try (DataInputStream in = new DataInputStream(
                new InflaterInputStream(new ByteArrayInputStream(body), inflater, 8192))) {
            DataVersion dataVersion = json.decode(readItem(in), DataVersion.class);

            int topicCount = readCount(in);
            Map<String, TopicConfig> topics = new HashMap<>(capacityFor(topicCount));
            for (int i = 0; i < topicCount; i++) {
                TopicConfig config = text.decode(new String(readItem(in), StandardCharsets.UTF_8));
                topics.put(config.topicName(), config);
            }

            List<String> filterServerList = json.decodeList(readItem(in), String.class);

            Map<String, TopicQueueMappingInfo> mappings = new HashMap<>();
            if (requestVersion >= V5_0_0) {
                readMappings(in, mappings);
            }
            TopicConfigSerializeWrapper wrapper =
                    new TopicConfigSerializeWrapper(dataVersion, topics, null, mappings, null);
            return new RegisterBrokerBody(wrapper, filterServerList);
        } catch (IOException e) {
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

    private void readMappings(DataInputStream in, Map<String, TopicQueueMappingInfo> into) throws IOException {
        int count;
        try {
            count = in.readInt();
        } catch (EOFException e) {
            return; // a broker that wrote no mapping section at all: nothing to read
        }
        if (count < 0) {
            throw new MalformedBodyException("negative mapping count " + count);
        }
        for (int i = 0; i < count; i++) {
            TopicQueueMappingInfo info = json.decode(readItem(in), TopicQueueMappingInfo.class);
            into.put(info.topic(), info);
        }
    }

    private static int readCount(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count < 0) {
            throw new MalformedBodyException("negative count " + count);
        }
        return count;
    }

    private static byte[] readItem(DataInputStream in) throws IOException {
        int len = in.readInt();
        if (len < 0 || len > MAX_ITEM_BYTES) {
            throw new MalformedBodyException("bad item length " + len);
        }
        byte[] item = new byte[len];
        in.readFully(item);
        return item;
    }

    private static void writeItem(DataOutputStream out, byte[] item) throws IOException {
        out.writeInt(item.length);
        out.write(item);
    }

    private static int capacityFor(int entries) {
        return (int) Math.min(1 << 30, entries / 0.75f + 1);
    }
}
