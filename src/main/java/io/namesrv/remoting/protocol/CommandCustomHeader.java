package io.namesrv.remoting.protocol;

import java.util.Map;

/**
 * A request or response header that travels in a command's {@code extFields}. Every value is
 * written as a string, nulls are left out, exactly as Apache's reflection-based mapping does.
 * Decoding is the header's own static factory, built on {@link ExtFields} so that missing or
 * unparsable fields become null instead of an exception.
 */
public interface CommandCustomHeader {

    /** Writes this header's non-null fields into {@code extFields} as strings. */
    void writeTo(Map<String, String> extFields);
}
