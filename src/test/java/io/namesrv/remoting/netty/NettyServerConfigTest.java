package io.namesrv.remoting.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NettyServerConfigTest {

    @Test
    void selectorThreadsFollowTheCoresOnePerTwoFromOneToThree() {
        assertEquals(1, NettyServerConfig.defaultSelectorThreads(1));
        assertEquals(1, NettyServerConfig.defaultSelectorThreads(2));
        assertEquals(1, NettyServerConfig.defaultSelectorThreads(3));
        assertEquals(2, NettyServerConfig.defaultSelectorThreads(4));
        assertEquals(3, NettyServerConfig.defaultSelectorThreads(6));
        assertEquals(3, NettyServerConfig.defaultSelectorThreads(64));
    }

    @Test
    void anUnconfiguredServerTakesTheRuleForThisMachineAndAConfiguredCountWins() {
        NettyServerConfig config = new NettyServerConfig();
        assertEquals(NettyServerConfig.defaultSelectorThreads(Runtime.getRuntime().availableProcessors()),
            config.getServerSelectorThreads());
        config.setServerSelectorThreads(3);
        assertEquals(3, config.getServerSelectorThreads());
        assertThrows(IllegalArgumentException.class, () -> config.setServerSelectorThreads(0));
    }
}
