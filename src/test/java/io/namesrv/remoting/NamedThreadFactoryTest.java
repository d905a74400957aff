package io.namesrv.remoting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Every thread named prefix + index, daemon as asked: leak checks find our threads by these names. */
class NamedThreadFactoryTest {

    @Test
    void namesThreadsInOrderFromTheChosenIndex() {
        NamedThreadFactory fromOne = new NamedThreadFactory("NettyServerNIOSelector_", false, 1);
        Thread first = fromOne.newThread(() -> { });
        Thread second = fromOne.newThread(() -> { });
        assertEquals("NettyServerNIOSelector_1", first.getName());
        assertEquals("NettyServerNIOSelector_2", second.getName());
        assertFalse(first.isDaemon());

        Thread fromZero = new NamedThreadFactory("NettyClientTimer_", true).newThread(() -> { });
        assertEquals("NettyClientTimer_0", fromZero.getName());
        assertTrue(fromZero.isDaemon());
    }
}
