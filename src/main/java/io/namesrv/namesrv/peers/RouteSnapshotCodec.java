package io.namesrv.namesrv.peers;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONException;
import com.alibaba.fastjson2.JSONObject;
import io.namesrv.namesrv.routeinfo.RouteImage;
import java.io.IOException;
import java.util.List;

/**
 * The route snapshot file: compact UTF-8 JSON,
 * {@code {"format":"namesrv-route-snapshot","version":1,"writtenAt":<ms>,"groups":[...]}}, each
 * group a {@link RouteImage.Group} by its field names. A file whose format or version is not
 * exactly this one is refused with one sentence: restoring routes from a layout this server
 * does not know could serve wrong routes, while refusing only costs the warm start.
 */
final class RouteSnapshotCodec {

    static final String FORMAT = "namesrv-route-snapshot";
    static final int VERSION = 1;

    /** The file layout, written field by field in this order. */
    record SnapshotFile(String format, int version, long writtenAt, List<RouteImage.Group> groups) {
    }

    /** A file this server will not restore from, and why, in one sentence. */
    static final class RefusedSnapshotException extends IOException {
        RefusedSnapshotException(String message) {
            super(message);
        }
    }

    private RouteSnapshotCodec() {
    }

    static byte[] encode(RouteSnapshot snapshot) {
        return JSON.toJSONBytes(new SnapshotFile(FORMAT, VERSION, snapshot.writtenAt(), snapshot.image().groups()));
    }

    static RouteSnapshot decode(byte[] content) throws IOException {
        JSONObject root;
        try {
            root = JSON.parseObject(content);
        } catch (JSONException e) {
            throw new IOException("not valid JSON: " + e.getMessage(), e);
        }
        if (root == null) {
            throw new IOException("empty file");
        }
        if (!FORMAT.equals(root.get("format"))) {
            throw new RefusedSnapshotException("not a route snapshot (format " + root.get("format") + ", expected "
                + FORMAT + ")");
        }
        Object version = root.get("version");
        if (!(version instanceof Integer v) || v != VERSION) {
            throw new RefusedSnapshotException("format version " + version + ", this name server reads version "
                + VERSION + " only");
        }
        try {
            SnapshotFile file = root.to(SnapshotFile.class);
            return new RouteSnapshot(file.writtenAt(), new RouteImage(file.groups()));
        } catch (JSONException | IllegalArgumentException | NullPointerException e) {
            throw new IOException("damaged route snapshot: " + e.getMessage(), e);
        }
    }
}
