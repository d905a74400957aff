package io.namesrv.protocol;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

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
 * <p>A compressed body is hostile input that can claim anything: decoding inflates at most the
 * codec's byte limit ({@link #MAX_INFLATED_BYTES} unless told otherwise; past it,
 * {@link BodyTooLargeException}), takes an item only when its bytes are actually there, and
 * rejects a count that the rest of the inflated bytes cannot hold. So a small body claiming 2^31
 * topics or a 2 GiB item fails fast with {@link MalformedBodyException}.
 */
public final class RegisterBrokerBodyCodec {

    /** Request versions below this send a bare TopicConfigSerializeWrapper. */
    public static final int V3_0_11 = 37;
    /** From this request version on, a compressed body carries the static-topic mapping section. */
    public static final int V5_0_0 = 413;

    /**
     * Most bytes one compressed body may inflate to by default: room for about 250k topic lines (a
     * real broker's are ~100 bytes each), yet a zip bomb cannot exhaust the heap.
     */
    public static final int MAX_INFLATED_BYTES = 32 * 1024 * 1024;
    /** Each item (topic line, DataVersion, list, mapping) has a 4-byte length before it. */
    private static final int LENGTH_BYTES = 4;
    /** Initial table size cap: the table grows with what actually arrives, not with the claim. */
    private static final int MAX_INITIAL_CAPACITY = 1024;

    private final JsonBodies json;
    private final TopicConfigText text;
    private final int maxInflatedBytes;

    public RegisterBrokerBodyCodec(JsonBodies json) {
        this(json, MAX_INFLATED_BYTES);
    }

    /** {@code maxInflatedBytes}: the most a compressed body may inflate to. */
    public RegisterBrokerBodyCodec(JsonBodies json, int maxInflatedBytes) {
        this.json = json;
        this.text = new TopicConfigText(json);
        this.maxInflatedBytes = maxInflatedBytes;
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
        try {
            InflatedItems in = new InflatedItems(inflate(body, maxInflatedBytes));
            DataVersion dataVersion = json.decode(in.readItem(), DataVersion.class);

            int topicCount = in.readCount("topic");
            Map<String, TopicConfig> topics = new HashMap<>(capacityFor(topicCount));
            for (int i = 0; i < topicCount; i++) {
                int length = in.readLength();
                TopicConfig config = text.decode(in.bytes(), in.position(), length);
                in.skip(length);
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
        } catch (RuntimeException e) { // e.g. a topic line TopicConfigText cannot parse
            if (e instanceof MalformedBodyException || e instanceof BodyTooLargeException) {
                throw e;
            }
            throw new MalformedBodyException("bad compressed register body: " + e, e);
        }
    }

    /**
     * The whole zlib stream at once, in large steps (reading it item by item through streams cost
     * as much as parsing it), never past {@code limit} bytes. A stream that ends early yields what
     * it had: whether that is enough is for the items to say, as with Apache's stream.
     */
    private static byte[] inflate(byte[] body, int limit) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(body);
            byte[] out = new byte[Math.min(limit, Math.max(4096, body.length * 8))];
            int size = 0;
            while (!inflater.finished()) {
                if (size == out.length) {
                    if (out.length == limit) {
                        throw new BodyTooLargeException("the register body inflates to more than " + limit + " bytes",
                            limit);
                    }
                    out = Arrays.copyOf(out, (int) Math.min(limit, out.length * 2L));
                }
                int n = inflater.inflate(out, size, out.length - size);
                if (n == 0 && !inflater.finished()) {
                    if (inflater.needsInput() || inflater.needsDictionary()) {
                        break; // truncated: no more input to inflate
                    }
                    throw new MalformedBodyException("the register body's zlib stream makes no progress");
                }
                size += n;
            }
            return size == out.length ? out : Arrays.copyOf(out, size);
        } catch (DataFormatException e) {
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

    private void readMappings(InflatedItems in, Map<String, TopicQueueMappingInfo> into) {
        if (in.atEnd()) {
            return; // a broker that wrote no mapping section at all: nothing to read
        }
        int count = in.readCount("mapping");
        for (int i = 0; i < count; i++) {
            TopicQueueMappingInfo info = json.decode(in.readItem(), TopicQueueMappingInfo.class);
            into.put(info.topic(), info);
        }
    }

    /**
     * The inflated bytes read as length-prefixed items. Every length and count is checked against
     * the bytes that are actually there, so no claim makes us allocate more than the body holds.
     */
    private static final class InflatedItems {

        private final byte[] bytes;
        private int position;

        InflatedItems(byte[] bytes) {
            this.bytes = bytes;
        }

        byte[] bytes() {
            return bytes;
        }

        int position() {
            return position;
        }

        boolean atEnd() {
            return position >= bytes.length;
        }

        int readInt() {
            if (bytes.length - position < LENGTH_BYTES) {
                throw new MalformedBodyException("the register body ends inside a length field");
            }
            int v = ((bytes[position] & 0xFF) << 24) | ((bytes[position + 1] & 0xFF) << 16)
                | ((bytes[position + 2] & 0xFF) << 8) | (bytes[position + 3] & 0xFF);
            position += LENGTH_BYTES;
            return v;
        }

        /** A count of items that each need at least a length field, so the rest of the body caps it. */
        int readCount(String what) {
            int count = readInt();
            int remaining = bytes.length - position;
            if (count < 0 || (long) count * LENGTH_BYTES > remaining) {
                throw new MalformedBodyException("bad " + what + " count " + count + " (at most "
                    + remaining / LENGTH_BYTES + " fit in the rest of the body)");
            }
            return count;
        }

        /** The length of the next item, which is known to be all there. */
        int readLength() {
            int len = readInt();
            if (len < 0 || len > bytes.length - position) {
                throw new MalformedBodyException("bad item length " + len + " (" + (bytes.length - position)
                    + " bytes left in the register body)");
            }
            return len;
        }

        void skip(int length) {
            position += length;
        }

        byte[] readItem() {
            int len = readLength();
            byte[] item = Arrays.copyOfRange(bytes, position, position + len);
            position += len;
            return item;
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
