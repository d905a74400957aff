package io.namesrv.remoting.netty;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Bytes of request bodies an executor may hold at once, queued or being processed: what bounds
 * the memory (and the decoding work) of requests with big bodies that arrive faster than they are
 * handled. A request that does not fit is refused at once (SYSTEM_BUSY); one arriving when
 * nothing is held always fits, so the largest frame can always get through, and one without a
 * body holds nothing and always fits (heartbeats and lookups never wait for big registrations).
 */
final class BodyBudget {

    private final long maxBytes;
    private final AtomicLong held = new AtomicLong();

    BodyBudget(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Takes {@code bytes} from the budget if they fit; false (nothing taken) if they do not. */
    boolean tryAcquire(long bytes) {
        if (bytes == 0) {
            return true;
        }
        while (true) {
            long now = held.get();
            if (now > 0 && now + bytes > maxBytes) {
                return false;
            }
            if (held.compareAndSet(now, now + bytes)) {
                return true;
            }
        }
    }

    void release(long bytes) {
        held.addAndGet(-bytes);
    }

    long held() {
        return held.get();
    }

    long maxBytes() {
        return maxBytes;
    }
}
