package io.namesrv.namesrv.processor;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * One encoded response body that is valid while a version counter stays where it was when the
 * body was built: the whole cluster table or topic list is then encoded once per change instead
 * of once per request. The version is read before the tables are, so a change racing with the
 * build can only make the stored body look older than it is, never newer: the next request
 * builds again.
 */
final class VersionedBody {

    private record Entry(long version, byte[] body) {
    }

    private final LongSupplier version;
    private final Supplier<byte[]> encoder;
    private final AtomicReference<Entry> current = new AtomicReference<>();

    VersionedBody(LongSupplier version, Supplier<byte[]> encoder) {
        this.version = version;
        this.encoder = encoder;
    }

    /** The body for the current version; shared, so callers must not modify it. */
    byte[] get() {
        long v = version.getAsLong();
        Entry e = current.get();
        if (e != null && e.version() == v) {
            return e.body();
        }
        byte[] body = encoder.get();
        current.set(new Entry(v, body));
        return body;
    }
}
