package io.namesrv.interop.support;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONObject;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A plain socket speaking RocketMQ frames by hand, for what a client library would hide: the
 * exact header JSON a server sends back (e.g. an {@code extFields} that is present but empty).
 * Frame: int total length (excluding itself), int (serialize type << 24 | header length),
 * header, body.
 */
public final class RawFrameSocket implements AutoCloseable {

    private static final int TIMEOUT_MILLIS = 5_000;
    private static final int SERIALIZE_JSON = 0;

    private final Socket socket;
    private final DataInputStream in;
    private final DataOutputStream out;

    public RawFrameSocket(int port) {
        try {
            socket = new Socket();
            socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            in = new DataInputStream(socket.getInputStream());
            out = new DataOutputStream(socket.getOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot connect to 127.0.0.1:" + port, e);
        }
    }

    /** Sends a JSON-header frame and reads the next frame back. */
    public Frame exchange(JSONObject header, byte[] body) {
        byte[] headerBytes = header.toJSONString().getBytes(StandardCharsets.UTF_8);
        byte[] bodyBytes = body == null ? new byte[0] : body;
        try {
            out.writeInt(4 + headerBytes.length + bodyBytes.length);
            out.writeInt(SERIALIZE_JSON << 24 | headerBytes.length);
            out.write(headerBytes);
            out.write(bodyBytes);
            out.flush();
            int length = in.readInt();
            int mark = in.readInt();
            int headerLength = mark & 0xFFFFFF;
            byte[] responseHeader = in.readNBytes(headerLength);
            byte[] responseBody = in.readNBytes(length - 4 - headerLength);
            return new Frame(mark >>> 24, responseHeader, responseBody);
        } catch (IOException e) {
            throw new UncheckedIOException("frame exchange failed", e);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // a test socket that fails to close leaves nothing behind worth reporting
        }
    }

    /** One frame as received; {@code header} is the raw header bytes. */
    public record Frame(int serializeType, byte[] header, byte[] body) {

        public String headerText() {
            return new String(header, StandardCharsets.UTF_8);
        }

        public JSONObject headerJson() {
            return JSON.parseObject(headerText());
        }
    }
}
