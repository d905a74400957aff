package io.namesrv.remoting.protocol;

import java.nio.ByteBuffer;
import java.nio.BufferUnderflowException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The ROCKETMQ binary header (serialize type 1), all integers big-endian:
 * code(short) language(byte) version(short) opaque(int) flag(int) remarkLen(int) remark
 * extLen(int) { keyLen(short) key valLen(int) val }*. A string length of 0 decodes as null.
 */
public final class RocketMQHeaderCodec {

    private static final int FIXED_PART = 2 + 1 + 2 + 4 + 4 + 4 + 4;

    private RocketMQHeaderCodec() {
    }

    public static byte[] encode(RemotingCommand cmd) {
        byte[] remark = cmd.getRemark() == null || cmd.getRemark().isEmpty()
            ? null : cmd.getRemark().getBytes(StandardCharsets.UTF_8);
        Map<String, String> ext = cmd.getExtFields();
        int extLen = 0;
        byte[][] extBytes = null;
        if (ext != null && !ext.isEmpty()) {
            extBytes = new byte[ext.size() * 2][];
            int i = 0;
            for (Map.Entry<String, String> e : ext.entrySet()) {
                if (e.getKey() == null || e.getValue() == null) {
                    continue;
                }
                byte[] k = e.getKey().getBytes(StandardCharsets.UTF_8);
                byte[] v = e.getValue().getBytes(StandardCharsets.UTF_8);
                extBytes[i++] = k;
                extBytes[i++] = v;
                extLen += 2 + k.length + 4 + v.length;
            }
        }
        ByteBuffer buf = ByteBuffer.allocate(FIXED_PART + (remark == null ? 0 : remark.length) + extLen);
        buf.putShort((short) cmd.getCode());
        LanguageCode lang = cmd.getLanguage() == null ? LanguageCode.JAVA : cmd.getLanguage();
        buf.put(lang.code());
        buf.putShort((short) cmd.getVersion());
        buf.putInt(cmd.getOpaque());
        buf.putInt(cmd.getFlag());
        if (remark == null) {
            buf.putInt(0);
        } else {
            buf.putInt(remark.length).put(remark);
        }
        buf.putInt(extLen);
        if (extBytes != null) {
            for (int i = 0; i < extBytes.length && extBytes[i] != null; i += 2) {
                buf.putShort((short) extBytes[i].length).put(extBytes[i]);
                buf.putInt(extBytes[i + 1].length).put(extBytes[i + 1]);
            }
        }
        return buf.array();
    }

    public static RemotingCommand decode(byte[] header) throws RemotingCommandException {
        if (header.length < FIXED_PART) {
            throw new RemotingCommandException("ROCKETMQ header too short: " + header.length);
        }
        try {
            ByteBuffer buf = ByteBuffer.wrap(header);
            RemotingCommand cmd = new RemotingCommand();
            cmd.setCode(buf.getShort());
            cmd.setLanguage(LanguageCode.valueOf(buf.get()));
            cmd.setVersion(buf.getShort());
            cmd.setOpaque(buf.getInt());
            cmd.setFlag(buf.getInt());
            cmd.setRemark(readString(buf, buf.getInt()));
            int extLen = buf.getInt();
            if (extLen < 0 || extLen > buf.remaining()) {
                throw new RemotingCommandException("ext fields length " + extLen + " exceeds header");
            }
            if (extLen > 0) {
                Map<String, String> ext = new HashMap<>();
                int end = buf.position() + extLen;
                while (buf.position() < end) {
                    String key = readString(buf, buf.getShort());
                    String value = readString(buf, buf.getInt());
                    if (key != null) {
                        ext.put(key, value);
                    }
                }
                if (buf.position() != end) {
                    throw new RemotingCommandException("ext fields overrun their declared length");
                }
                cmd.setExtFields(ext);
            }
            return cmd;
        } catch (BufferUnderflowException e) {
            throw new RemotingCommandException("truncated ROCKETMQ header", e);
        }
    }

    private static String readString(ByteBuffer buf, int len) throws RemotingCommandException {
        if (len < 0 || len > buf.remaining()) {
            throw new RemotingCommandException("string length " + len + " exceeds header");
        }
        if (len == 0) {
            return null;
        }
        String s = new String(buf.array(), buf.arrayOffset() + buf.position(), len, StandardCharsets.UTF_8);
        buf.position(buf.position() + len);
        return s;
    }
}
