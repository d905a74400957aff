package io.namesrv.remoting.netty;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

/** Reading follows writability, on an {@link EmbeddedChannel}: no sockets, no threads. */
class BackPressureTest {

    /** Netty counts each queued write with about 100 bytes of overhead: marks well above that. */
    private static final int LOW = 1024;
    private static final int HIGH = 4096;

    @Test
    void readingStopsWhileAnswersPileUpAndResumesOnceTheyDrained() {
        EmbeddedChannel ch = new EmbeddedChannel(BackPressure.INSTANCE);
        ch.config().setWriteBufferWaterMark(new WriteBufferWaterMark(LOW, HIGH));
        assertTrue(ch.config().isAutoRead());

        ch.write(Unpooled.wrappedBuffer(new byte[2 * HIGH]));
        ch.runPendingTasks();
        assertFalse(ch.isWritable(), "twice the high mark unsent");
        assertFalse(ch.config().isAutoRead(), "a peer that does not read its answers is not read from");

        ch.flush();
        ch.runPendingTasks();
        assertTrue(ch.isWritable());
        assertTrue(ch.config().isAutoRead(), "reading resumes once the answers left");
        ch.finishAndReleaseAll();
    }

    @Test
    void writesBelowTheHighMarkLeaveReadingAlone() {
        EmbeddedChannel ch = new EmbeddedChannel(BackPressure.INSTANCE);
        ch.config().setWriteBufferWaterMark(new WriteBufferWaterMark(LOW, HIGH));

        ch.write(Unpooled.wrappedBuffer(new byte[LOW]));
        ch.runPendingTasks();

        assertTrue(ch.config().isAutoRead());
        ch.finishAndReleaseAll();
    }
}
