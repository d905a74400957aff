package io.namesrv.remoting.netty;

import java.util.concurrent.BlockingQueue;

/** A queued request: remembers when it was queued, so queue lag can be watched. */
public final class RequestTask implements Runnable {

    private final Runnable work;
    private final long createdAtMillis;

    RequestTask(Runnable work, long createdAtMillis) {
        this.work = work;
        this.createdAtMillis = createdAtMillis;
    }

    @Override
    public void run() {
        work.run();
    }

    public long createdAtMillis() {
        return createdAtMillis;
    }

    /** How long the oldest task of the queue has waited, in ms (0 when it is empty). */
    static long headWaitMillis(BlockingQueue<Runnable> queue, long nowMillis) {
        Runnable head = queue.peek();
        return head instanceof RequestTask task ? Math.max(0, nowMillis - task.createdAtMillis) : 0;
    }
}
