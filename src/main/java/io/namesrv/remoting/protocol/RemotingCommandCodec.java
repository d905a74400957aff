package io.namesrv.remoting.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;

/**
 * A whole command to and from its frame: {@code length(int) | type<<24 + headerLen (int) | header
 * | body}. The decoder takes a frame whose leading length field was already stripped.
 */
public final class RemotingCommandCodec {

    /** Largest header length the 24-bit field can express. */
    public static final int MAX_HEADER_LENGTH = 0xFFFFFF;

    private RemotingCommandCodec() {
    }

    public static byte[] encodeHeader(RemotingCommand cmd) {
        return cmd.getSerializeTypeCurrentRPC() == SerializeType.ROCKETMQ
            ? RocketMQHeaderCodec.encode(cmd) : JsonHeaderCodec.encode(cmd);
    }

    /** Writes the complete frame, length prefix included. */
    public static void encode(RemotingCommand cmd, ByteBuf out) {
        byte[] header = encodeHeader(cmd);
        out.ensureWritable(frameLength(cmd, header));
        writeFrame(cmd, header, out);
    }

    /**
     * The complete frame in a buffer of {@code alloc} sized to fit it exactly. A JSON header is
     * written straight from its characters into the buffer (the form of nearly every answer), so
     * a command leaves no header array, String or body array behind.
     */
    public static ByteBuf encode(RemotingCommand cmd, ByteBufAllocator alloc) {
        if (cmd.getSerializeTypeCurrentRPC() == SerializeType.ROCKETMQ) {
            byte[] header = RocketMQHeaderCodec.encode(cmd);
            ByteBuf out = alloc.ioBuffer(frameLength(cmd, header));
            writeFrame(cmd, header, out);
            return out;
        }
        CharSequence header = JsonHeaderCodec.encodeChars(cmd);
        int headerLength = ByteBufUtil.utf8Bytes(header);
        ByteBuf out = alloc.ioBuffer(8 + headerLength + cmd.bodyLength());
        try {
            writePrefix(out, SerializeType.JSON, headerLength, cmd.bodyLength());
            ByteBufUtil.reserveAndWriteUtf8(out, header, headerLength);
            writeBody(cmd, out);
            return out;
        } catch (RuntimeException e) {
            out.release();
            throw e;
        }
    }

    /** Bytes of the whole frame for {@code header} (from {@link #encodeHeader}), length prefix included. */
    public static int frameLength(RemotingCommand cmd, byte[] header) {
        return 8 + header.length + cmd.bodyLength();
    }

    /** Writes the frame around an already encoded {@code header}; {@code out} should have room for it. */
    public static void writeFrame(RemotingCommand cmd, byte[] header, ByteBuf out) {
        SerializeType type = cmd.getSerializeTypeCurrentRPC() == null ? SerializeType.JSON : cmd.getSerializeTypeCurrentRPC();
        writePrefix(out, type, header.length, cmd.bodyLength());
        out.writeBytes(header);
        writeBody(cmd, out);
    }

    private static void writePrefix(ByteBuf out, SerializeType type, int headerLength, int bodyLength) {
        out.writeInt(4 + headerLength + bodyLength);
        out.writeInt((type.code() << 24) | (headerLength & MAX_HEADER_LENGTH));
    }

    private static void writeBody(RemotingCommand cmd, ByteBuf out) {
        BodyParts parts = cmd.getBodyParts();
        if (parts != null) {
            parts.writeTo(out);
        } else if (cmd.bodyLength() > 0) {
            out.writeBytes(cmd.getBody());
        }
    }

    /** Decodes a frame without its length prefix; {@code frame} is consumed. */
    public static RemotingCommand decode(ByteBuf frame) throws RemotingCommandException {
        if (frame.readableBytes() < 4) {
            throw new RemotingCommandException("frame too short: " + frame.readableBytes() + " bytes");
        }
        int oriHeaderLen = frame.readInt();
        SerializeType type = SerializeType.valueOf((byte) ((oriHeaderLen >>> 24) & 0xFF));
        if (type == null) {
            throw new RemotingCommandException("unknown serialize type " + ((oriHeaderLen >>> 24) & 0xFF));
        }
        int headerLength = oriHeaderLen & MAX_HEADER_LENGTH;
        if (headerLength > frame.readableBytes()) {
            throw new RemotingCommandException("header length " + headerLength + " exceeds frame of "
                + frame.readableBytes() + " bytes");
        }
        byte[] header = new byte[headerLength];
        frame.readBytes(header);
        RemotingCommand cmd = type == SerializeType.ROCKETMQ
            ? RocketMQHeaderCodec.decode(header) : JsonHeaderCodec.decode(header);
        cmd.setSerializeTypeCurrentRPC(type);
        int bodyLength = frame.readableBytes();
        if (bodyLength > 0) {
            byte[] body = new byte[bodyLength];
            frame.readBytes(body);
            cmd.setBody(body);
        }
        return cmd;
    }
}
