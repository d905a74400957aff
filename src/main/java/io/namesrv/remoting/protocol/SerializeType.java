package io.namesrv.remoting.protocol;

/** How a command's header is serialized: the high byte of the frame's second int. */
public enum SerializeType {
    JSON((byte) 0), ROCKETMQ((byte) 1);

    private final byte code;

    SerializeType(byte code) {
        this.code = code;
    }

    public byte code() {
        return code;
    }

    /** The type for a frame byte, or null when unknown. */
    public static SerializeType valueOf(byte code) {
        return code == 0 ? JSON : code == 1 ? ROCKETMQ : null;
    }

    /** Parses a configured name (case-insensitive); unknown or blank names fall back to JSON. */
    public static SerializeType parse(String name) {
        if (name != null && name.trim().equalsIgnoreCase("ROCKETMQ")) {
            return ROCKETMQ;
        }
        return JSON;
    }
}
