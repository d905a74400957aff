package io.namesrv.remoting.protocol;

/** The client language carried in every command; the binary header carries the ordinal as a byte. */
public enum LanguageCode {
    JAVA, CPP, DOTNET, PYTHON, DELPHI, ERLANG, RUBY, OTHER, HTTP, GO, PHP, OMS, RUST, NODE_JS;

    private static final LanguageCode[] VALUES = values();

    public byte code() {
        return (byte) ordinal();
    }

    /** The language for a binary code, or null when the code is unknown. */
    public static LanguageCode valueOf(byte code) {
        return code >= 0 && code < VALUES.length ? VALUES[code] : null;
    }

    /** The language for a JSON name, or null (not an exception) when the name is unknown. */
    public static LanguageCode forName(String name) {
        for (LanguageCode c : VALUES) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }
}
