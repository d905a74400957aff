package io.namesrv.remoting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** Address parsing and printing, and Apache's short exception description. */
class RemotingHelperTest {

    @Test
    void parsesHostPortIncludingIpv6() {
        assertEquals(new InetSocketAddress("127.0.0.1", 9876), RemotingHelper.toSocketAddress("127.0.0.1:9876"));
        assertEquals(new InetSocketAddress("::1", 9876), RemotingHelper.toSocketAddress("[::1]:9876"));
        assertEquals(new InetSocketAddress("::1", 9876), RemotingHelper.toSocketAddress("::1:9876"), "the last colon splits");
    }

    @Test
    void refusesWhatIsNotHostPortWithOneClearMessage() {
        for (String bad : new String[] {"9876", ":9876", "host:", "host:port"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RemotingHelper.toSocketAddress(bad));
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
    }

    @Test
    void printsAddressesAsClientsSpellThem() {
        assertEquals("10.0.0.1:10911", RemotingHelper.addrString(new InetSocketAddress("10.0.0.1", 10911)));
        assertEquals("", RemotingHelper.addrString(null));
        assertEquals("", RemotingHelper.remoteAddr(null));
        assertEquals("embedded", RemotingHelper.remoteAddr(new EmbeddedChannel()), "a non-IP address prints as itself");
    }

    @Test
    void exceptionDescriptionIsTheExceptionAndItsFirstFrame() {
        IllegalStateException e = new IllegalStateException("broken");
        assertEquals(e + ", " + e.getStackTrace()[0], RemotingHelper.exceptionSimpleDesc(e));
        Error frameless = new Error("x");
        frameless.setStackTrace(new StackTraceElement[0]);
        assertEquals("java.lang.Error: x", RemotingHelper.exceptionSimpleDesc(frameless), "no frame, no comma");
        assertEquals("", RemotingHelper.exceptionSimpleDesc(null));
    }
}
