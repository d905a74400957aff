package io.namesrv.namesrv.routeinfo;

import io.namesrv.protocol.JsonBodies;

/**
 * The JSON of one immutable value in both forms routes are written in (Apache's plain form for
 * old clients, standard JSON for 4.9.4 and later), each encoded on first use and kept: a
 * race-tolerant store, since two threads encoding the same value at once write equal bytes.
 */
final class EncodedForms {

    private final Object value;
    private volatile byte[] plain;
    private volatile byte[] standard;

    EncodedForms(Object value) {
        this.value = value;
    }

    byte[] get(JsonBodies json, boolean standardJson) {
        if (standardJson) {
            byte[] b = standard;
            if (b == null) {
                b = json.encodeStandard(value);
                standard = b;
            }
            return b;
        }
        byte[] b = plain;
        if (b == null) {
            b = json.encode(value);
            plain = b;
        }
        return b;
    }
}
