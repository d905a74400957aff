package io.namesrv.remoting.netty;

import io.namesrv.common.LoggerNames;
import io.namesrv.remoting.FatalErrorListener;
import io.netty.channel.Channel;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers connection events to the listener on one named thread, so that a slow listener never
 * blocks an I/O thread. The queue is bounded; events beyond it are dropped with a warning.
 * Without this thread no broker would ever learn of its connection closing, so an {@link Error}
 * that ends it is reported as fatal.
 */
final class NettyEventExecutor implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(LoggerNames.REMOTING);
    private static final int MAX_QUEUED = 10_000;

    private record Event(NettyEventType type, String remoteAddr, Channel channel) {
    }

    private final LinkedBlockingQueue<Event> queue = new LinkedBlockingQueue<>(MAX_QUEUED);
    private final ChannelEventListener listener;
    private final FatalErrorListener fatal;
    private final Thread thread;
    private volatile boolean stopped;

    NettyEventExecutor(ChannelEventListener listener, FatalErrorListener fatal) {
        this.listener = listener;
        this.fatal = fatal;
        this.thread = new Thread(this, "NettyEventExecutor");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void put(NettyEventType type, String remoteAddr, Channel channel) {
        if (!queue.offer(new Event(type, remoteAddr, channel))) {
            LOG.warn("event queue full, dropping {} event of {}", type, remoteAddr);
        }
    }

    @Override
    public void run() {
        while (!stopped) {
            try {
                Event event = queue.poll(1, TimeUnit.SECONDS);
                if (event != null) {
                    deliver(event);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("channel event listener failed", e);
            } catch (Error e) {
                fatal.onFatalError("the channel event thread " + thread.getName() + " died", e);
                return;
            }
        }
    }

    /** False once the thread has ended, for whatever reason. */
    boolean isAlive() {
        return thread.isAlive();
    }

    /** True once {@link #shutdown()} was called: the thread ending is then expected. */
    boolean isStopped() {
        return stopped;
    }

    private void deliver(Event event) {
        switch (event.type()) {
            case CONNECT -> listener.onChannelConnect(event.remoteAddr(), event.channel());
            case CLOSE -> listener.onChannelClose(event.remoteAddr(), event.channel());
            case IDLE -> listener.onChannelIdle(event.remoteAddr(), event.channel());
            case EXCEPTION -> listener.onChannelException(event.remoteAddr(), event.channel());
        }
    }

    void shutdown() {
        stopped = true;
        thread.interrupt();
        try {
            thread.join(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
