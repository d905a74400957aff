package io.namesrv.remoting.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The connection limit on {@link EmbeddedChannel}s: no sockets, no threads. */
class ConnectionLimiterTest {

    /** Records the life-cycle events that got past the limiter. */
    private static final class Seen extends ChannelInboundHandlerAdapter {
        final List<String> events = new ArrayList<>();

        @Override
        public void channelActive(ChannelHandlerContext ctx) throws Exception {
            events.add("active");
            super.channelActive(ctx);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            events.add("inactive");
            super.channelInactive(ctx);
        }
    }

    @Test
    void connectionsOverTheLimitAreClosedAtOnceAndNothingBehindHearsOfThem() {
        ConnectionLimiter limiter = new ConnectionLimiter(2);
        Seen first = new Seen();
        Seen second = new Seen();
        Seen third = new Seen();
        EmbeddedChannel a = new EmbeddedChannel(limiter, first);
        EmbeddedChannel b = new EmbeddedChannel(limiter, second);
        EmbeddedChannel c = new EmbeddedChannel(limiter, third);

        assertTrue(a.isOpen());
        assertTrue(b.isOpen());
        assertFalse(c.isOpen(), "the third connection is over the limit of 2");
        assertEquals(List.of(), third.events, "neither its opening nor its closing travels on");
        assertEquals(2, limiter.openConnections());

        a.close();
        assertEquals(List.of("active", "inactive"), first.events);
        assertEquals(1, limiter.openConnections());

        EmbeddedChannel d = new EmbeddedChannel(limiter, new Seen());
        assertTrue(d.isOpen(), "a closed connection frees its place");
        b.close();
        d.close();
        assertEquals(0, limiter.openConnections());
    }

    @Test
    void zeroMeansUnboundedButStillCounted() {
        ConnectionLimiter limiter = new ConnectionLimiter(0);
        List<EmbeddedChannel> channels = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            channels.add(new EmbeddedChannel(limiter));
        }

        assertTrue(channels.stream().allMatch(EmbeddedChannel::isOpen));
        assertEquals(50, limiter.openConnections());
        channels.forEach(EmbeddedChannel::close);
        assertEquals(0, limiter.openConnections());
    }
}
