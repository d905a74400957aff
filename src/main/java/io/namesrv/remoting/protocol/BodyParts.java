package io.namesrv.remoting.protocol;

import io.netty.buffer.ByteBuf;

/**
 * A body sent as the concatenation of parts that are never changed (e.g. a route joined from the
 * JSON the route table keeps for each broker group and queue data). The encoder copies the parts
 * straight into the outgoing buffer, so no body-sized array is made per answer: for route lookups
 * that array was the largest piece of garbage each answer left behind.
 */
public final class BodyParts {

    private final byte[][] parts;
    private final int length;

    /** {@code parts} is kept as it is: neither the array nor any part may change afterwards. */
    public BodyParts(byte[][] parts) {
        long total = 0;
        for (byte[] part : parts) {
            total += part.length;
        }
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("body of " + total + " bytes");
        }
        this.parts = parts;
        this.length = (int) total;
    }

    /** A body of one part. */
    public static BodyParts of(byte[] body) {
        return new BodyParts(new byte[][] {body});
    }

    /** Bytes of the whole body. */
    public int length() {
        return length;
    }

    /** Writes the parts in order. */
    public void writeTo(ByteBuf out) {
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
    }

    /** The body as one new array. */
    public byte[] toBytes() {
        byte[] body = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, body, at, part.length);
            at += part.length;
        }
        return body;
    }
}
