package io.namesrv.remoting.protocol;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * One RocketMQ remoting command: a request or a response. Headers are the fixed fields below plus
 * {@code extFields}, where custom headers travel as strings; the body is opaque bytes.
 *
 * <p>A command is built by one thread and then handed over (to the encoder, or to a processor);
 * it is not meant to be shared while it is being changed.
 */
public final class RemotingCommand {

    private static final int RESPONSE_BIT = 0;
    private static final int ONEWAY_BIT = 1;

    private int code;
    private LanguageCode language = LanguageCode.JAVA;
    private int version;
    private int opaque;
    private int flag;
    private String remark;
    private Map<String, String> extFields;
    private byte[] body;
    /** The body as parts, when set by {@link #setBodyParts}; joined into {@link #body} only if asked for. */
    private BodyParts bodyParts;
    private SerializeType serializeTypeCurrentRPC = SerializeType.JSON;
    /** Never on the wire: what a processor decoded on the network thread, for the executor that finishes. */
    private Object decoded;

    public RemotingCommand() {
    }

    /** A request with the given code and (nullable) custom header. */
    public static RemotingCommand request(int code, CommandCustomHeader header) {
        RemotingCommand cmd = new RemotingCommand();
        cmd.code = code;
        if (header != null) {
            cmd.setHeader(header);
        }
        return cmd;
    }

    /** A response with the given code and remark. The dispatcher fills in opaque and the flag. */
    public static RemotingCommand response(int code, String remark) {
        RemotingCommand cmd = new RemotingCommand();
        cmd.code = code;
        cmd.remark = remark;
        cmd.markResponseType();
        return cmd;
    }

    /** A response carrying a custom header; {@code extFields} is present even when it is empty. */
    public static RemotingCommand response(int code, String remark, CommandCustomHeader header) {
        RemotingCommand cmd = response(code, remark);
        cmd.setHeader(header);
        return cmd;
    }

    /** Replaces {@code extFields} with the header's fields (an empty map when they are all null). */
    public RemotingCommand setHeader(CommandCustomHeader header) {
        Map<String, String> ext = new HashMap<>();
        header.writeTo(ext);
        this.extFields = ext;
        return this;
    }

    /** Decodes a custom header from {@code extFields}; a missing map reads as empty. */
    public <T> T decodeHeader(Function<Map<String, String>, T> decoder) {
        return decoder.apply(extFields == null ? Map.of() : extFields);
    }

    /**
     * Keeps what a processor decoded from this request, so that the executor finishing it need not
     * decode again. Local to this process; never encoded.
     */
    public void setDecoded(Object decoded) {
        this.decoded = decoded;
    }

    /** What {@link #setDecoded} kept, when it is a {@code type}; else null. */
    public <T> T decoded(Class<T> type) {
        return type.isInstance(decoded) ? type.cast(decoded) : null;
    }

    public void addExtField(String key, String value) {
        if (extFields == null) {
            extFields = new HashMap<>();
        }
        extFields.put(key, value);
    }

    public String extField(String key) {
        return extFields == null ? null : extFields.get(key);
    }

    public boolean isResponse() {
        return (flag & (1 << RESPONSE_BIT)) != 0;
    }

    public void markResponseType() {
        flag |= 1 << RESPONSE_BIT;
    }

    public boolean isOneway() {
        return (flag & (1 << ONEWAY_BIT)) != 0;
    }

    public void markOneway() {
        flag |= 1 << ONEWAY_BIT;
    }

    public int getCode() {
        return code;
    }

    public RemotingCommand setCode(int code) {
        this.code = code;
        return this;
    }

    public LanguageCode getLanguage() {
        return language;
    }

    public RemotingCommand setLanguage(LanguageCode language) {
        this.language = language;
        return this;
    }

    public int getVersion() {
        return version;
    }

    public RemotingCommand setVersion(int version) {
        this.version = version;
        return this;
    }

    public int getOpaque() {
        return opaque;
    }

    public RemotingCommand setOpaque(int opaque) {
        this.opaque = opaque;
        return this;
    }

    public int getFlag() {
        return flag;
    }

    public RemotingCommand setFlag(int flag) {
        this.flag = flag;
        return this;
    }

    public String getRemark() {
        return remark;
    }

    public RemotingCommand setRemark(String remark) {
        this.remark = remark;
        return this;
    }

    /** The raw ext fields, or null when the command carries none (distinct from an empty map). */
    public Map<String, String> getExtFields() {
        return extFields;
    }

    public RemotingCommand setExtFields(Map<String, String> extFields) {
        this.extFields = extFields;
        return this;
    }

    /** The body; one set as {@link BodyParts} is joined into an array (once) by this call. */
    public byte[] getBody() {
        if (body == null && bodyParts != null) {
            body = bodyParts.toBytes();
        }
        return body;
    }

    public RemotingCommand setBody(byte[] body) {
        this.body = body;
        this.bodyParts = null;
        return this;
    }

    /** A body the encoder writes part by part, without joining it into one array. */
    public RemotingCommand setBodyParts(BodyParts parts) {
        this.body = null;
        this.bodyParts = parts;
        return this;
    }

    /** The body set by {@link #setBodyParts}, or null when it was set as an array. */
    public BodyParts getBodyParts() {
        return bodyParts;
    }

    /** Bytes of the body, however it was set. */
    public int bodyLength() {
        return bodyParts != null ? bodyParts.length() : body == null ? 0 : body.length;
    }

    public SerializeType getSerializeTypeCurrentRPC() {
        return serializeTypeCurrentRPC;
    }

    public RemotingCommand setSerializeTypeCurrentRPC(SerializeType type) {
        this.serializeTypeCurrentRPC = type;
        return this;
    }

    @Override
    public String toString() {
        return "RemotingCommand [code=" + code + ", language=" + language + ", version=" + version
            + ", opaque=" + opaque + ", flag(B)=" + Integer.toBinaryString(flag) + ", remark=" + remark
            + ", extFields=" + extFields + ", serializeTypeCurrentRPC=" + serializeTypeCurrentRPC
            + ", bodyLength=" + bodyLength() + "]";
    }
}
