package io.namesrv.namesrv.peers;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONException;
import com.alibaba.fastjson2.JSONWriter;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.namesrv.namesrv.routeinfo.RouteImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Map;

/**
 * The route snapshot file: compact UTF-8 JSON,
 * {@code {"format":"namesrv-route-snapshot","groups":[...],"version":1,"writtenAt":<ms>}}, each
 * group a {@link RouteImage.Group} by its field names, in alphabetical order as fastjson2 writes a
 * record. A file whose format or version is not exactly this one is refused with one sentence:
 * restoring routes from a layout this server does not know could serve wrong routes, while
 * refusing only costs the warm start.
 *
 * <p>Both ways are streamed, so that a table of a million topics (hundreds of MB of JSON, past
 * what fastjson2 puts in one array) never needs the whole file in memory: groups are encoded one
 * after another into the stream, a large group in pieces; reading first goes through the whole
 * file with Jackson's streaming parser (fastjson2 reads its input whole) to check it and note
 * where each group is, then fastjson2 decodes one group at a time from there.
 */
final class RouteSnapshotCodec {

    static final String FORMAT = "namesrv-route-snapshot";
    static final int VERSION = 1;
    /** The encoder hands its bytes to the file every this many, so a huge group never sits in one array. */
    private static final int FLUSH_BYTES = 256 * 1024;
    /**
     * Immutable once built and thread-safe. The parser does not close the file, which is read again
     * by range; it takes unquoted names, as fastjson2 writes integer map keys (a static topic's
     * {@code currIdMap}: {@code {0:0,1:1}}), so files written since version 1 all read. Name
     * canonicalization stays on: without it Jackson reads through a character decoder and cannot
     * tell byte offsets (its symbol table is bounded, flushed past 64k names).
     */
    private static final JsonFactory STREAMING = JsonFactory.builder()
        .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
        .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
        .build();

    /** A file this server will not restore from, and why, in one sentence. */
    static final class RefusedSnapshotException extends IOException {
        RefusedSnapshotException(String message) {
            super(message);
        }
    }

    /**
     * A checked snapshot file: when it was written, and the byte range ({@code [start, end)}) of
     * each group, in file order.
     */
    record Index(long writtenAt, long[] groupStarts, long[] groupEnds) {
    }

    private RouteSnapshotCodec() {
    }

    // ---------------------------------------------------------------- writing

    /** Writes a snapshot of {@code groups} (taken lazily, one at a time) to {@code out}. */
    static void write(long writtenAt, Iterable<RouteImage.Group> groups, OutputStream out) throws IOException {
        try (JSONWriter w = JSONWriter.ofUTF8()) {
            w.writeRaw("{\"format\":");
            w.writeString(FORMAT);
            w.writeRaw(",\"groups\":[");
            boolean first = true;
            for (RouteImage.Group g : groups) {
                if (!first) {
                    w.writeRaw(',');
                }
                first = false;
                writeGroup(w, g, out);
            }
            w.writeRaw("],\"version\":");
            w.writeInt32(VERSION);
            w.writeRaw(",\"writtenAt\":");
            w.writeInt64(writtenAt);
            w.writeRaw('}');
            w.flushTo(out);
        }
    }

    /** A group field by field, as fastjson2 writes the record (nulls left out), its maps in pieces. */
    private static void writeGroup(JSONWriter w, RouteImage.Group g, OutputStream out) throws IOException {
        char sep = '{';
        if (g.brokerName() != null) {
            w.writeRaw(sep + "\"brokerName\":");
            w.writeString(g.brokerName());
            sep = ',';
        }
        if (g.cluster() != null) {
            w.writeRaw(sep + "\"cluster\":");
            w.writeString(g.cluster());
            sep = ',';
        }
        w.writeRaw(sep + "\"enableActingMaster\":" + g.enableActingMaster() + ",\"mappings\":");
        writeMap(w, g.mappings(), out);
        w.writeRaw(",\"members\":[");
        boolean first = true;
        for (RouteImage.Member m : g.members()) {
            if (!first) {
                w.writeRaw(',');
            }
            first = false;
            w.writeAny(m);
        }
        w.writeRaw("],\"queues\":");
        writeMap(w, g.queues(), out);
        if (g.zoneName() != null) {
            w.writeRaw(",\"zoneName\":");
            w.writeString(g.zoneName());
        }
        w.writeRaw('}');
        w.flushTo(out);
    }

    private static void writeMap(JSONWriter w, Map<String, ?> map, OutputStream out) throws IOException {
        w.writeRaw('{');
        boolean first = true;
        for (Map.Entry<String, ?> e : map.entrySet()) {
            if (e.getValue() == null) {
                continue; // as fastjson2 writes a map
            }
            if (!first) {
                w.writeRaw(',');
            }
            first = false;
            w.writeString(e.getKey());
            w.writeRaw(':');
            w.writeAny(e.getValue());
            if (w.size() >= FLUSH_BYTES) {
                w.flushTo(out);
            }
        }
        w.writeRaw('}');
    }

    // ---------------------------------------------------------------- reading

    /**
     * Goes through the whole file, holding nothing but the group ranges: valid JSON to its end, this
     * format and version. A truncated or garbled file fails here, before anything is restored from
     * it (so its backup can be used instead).
     */
    static Index index(InputStream in) throws IOException {
        Object format = null;
        Object version = null;
        long writtenAt = 0;
        String damage = null;
        long[] starts = new long[16];
        long[] ends = new long[16];
        int groups = 0;
        try (JsonParser p = STREAMING.createParser(in)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new IOException("empty file");
            }
            if (t != JsonToken.START_OBJECT) {
                throw new RefusedSnapshotException("not a route snapshot (not a JSON object)");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                t = p.nextToken();
                switch (name) {
                    case "format" -> format = scalar(p, t);
                    case "version" -> version = t == JsonToken.VALUE_NUMBER_INT
                        && p.getNumberType() == JsonParser.NumberType.INT ? (Object) p.getIntValue() : scalar(p, t);
                    case "writtenAt" -> {
                        if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                            writtenAt = p.getLongValue();
                        } else {
                            damage = "writtenAt is not a time in milliseconds";
                            p.skipChildren();
                        }
                    }
                    case "groups" -> {
                        groups = 0;
                        if (t == JsonToken.START_ARRAY) {
                            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                                if (t != JsonToken.START_OBJECT) {
                                    damage = "group " + groups + " is not an object";
                                    p.skipChildren();
                                    continue;
                                }
                                if (groups == starts.length) {
                                    starts = Arrays.copyOf(starts, groups * 2);
                                    ends = Arrays.copyOf(ends, groups * 2);
                                }
                                starts[groups] = p.currentTokenLocation().getByteOffset();
                                p.skipChildren();
                                ends[groups] = p.currentTokenLocation().getByteOffset() + 1;
                                if (starts[groups] < 0) {
                                    throw new IllegalStateException("the parser does not tell byte offsets");
                                }
                                groups++;
                            }
                        } else if (t != JsonToken.VALUE_NULL) {
                            damage = "groups is not an array";
                            p.skipChildren();
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                damage = "more content after the snapshot";
            }
        } catch (JsonProcessingException e) {
            throw new IOException("not valid JSON: " + e.getOriginalMessage().replace('\n', ' '), e);
        }
        if (!FORMAT.equals(format)) {
            throw new RefusedSnapshotException("not a route snapshot (format " + format + ", expected " + FORMAT + ")");
        }
        if (!(version instanceof Integer v) || v != VERSION) {
            throw new RefusedSnapshotException("format version " + version + ", this name server reads version "
                + VERSION + " only");
        }
        if (damage != null) {
            throw new IOException("damaged route snapshot: " + damage);
        }
        return new Index(writtenAt, Arrays.copyOf(starts, groups), Arrays.copyOf(ends, groups));
    }

    /** A scalar's text for a message (null for JSON null), or null for an object or array, skipped. */
    private static Object scalar(JsonParser p, JsonToken t) throws IOException {
        if (t.isScalarValue()) {
            return t == JsonToken.VALUE_NULL ? null : p.getText();
        }
        p.skipChildren();
        return null;
    }

    /** One group, from the bytes of its range in the file. */
    static RouteImage.Group decodeGroup(byte[] json) throws IOException {
        try {
            RouteImage.Group g = JSON.parseObject(json, RouteImage.Group.class);
            if (g == null) {
                throw new IOException("an empty group");
            }
            return g;
        } catch (JSONException | IllegalArgumentException | NullPointerException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
