package io.namesrv.protocol;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Read-only views for the collections held by value objects. A view, not a copy: a 2 MB
 * registration body is decoded every 30 s per broker, and copying its topic table again would
 * double the work. The constructor that receives a collection takes ownership of it; callers hand
 * over freshly built collections and do not touch them afterwards. Null stays null, because the
 * JSON form omits absent collections and must keep doing so.
 */
final class Immutables {

    private Immutables() {
    }

    static <K, V> Map<K, V> map(Map<K, V> m) {
        return m == null ? null : Collections.unmodifiableMap(m);
    }

    static <T> List<T> list(List<T> l) {
        return l == null ? null : Collections.unmodifiableList(l);
    }

    static <T> Set<T> set(Set<T> s) {
        return s == null ? null : Collections.unmodifiableSet(s);
    }
}
