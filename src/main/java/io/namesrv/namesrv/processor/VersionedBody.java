package io.namesrv.namesrv.processor;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * One encoded answer that is valid while a version counter stays where it was when it was built:
 * the whole cluster table or topic list is then encoded once per change instead of once per
 * request. The version is read before the tables are, so a change racing with the build can only
 * make the stored answer look older than it is, never newer: the next request builds again.
 */
final class VersionedBody<T> {

    private record Entry<T>(long version, T body) {
    }

    private final LongSupplier version;
    private final Supplier<T> encoder;
    private final AtomicReference<Entry<T>> current = new AtomicReference<>();

    VersionedBody(LongSupplier version, Supplier<T> encoder) {
        this.version = version;
        this.encoder = encoder;
    }

    /** The answer for the current version; shared, so callers must not modify it. */
    T get() {
        long v = version.getAsLong();
        Entry<T> e = current.get();
        if (e != null && e.version() == v) {
            return e.body();
        }
        T body = encoder.get();
        current.set(new Entry<>(v, body));
        return body;
    }
}
