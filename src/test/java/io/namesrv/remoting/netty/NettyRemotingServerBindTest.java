package io.namesrv.remoting.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.namesrv.remoting.protocol.SerializeType;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A port that is already taken: one sentence naming the address, and nothing left running. */
class NettyRemotingServerBindTest {

    @Test
    void aTakenPortIsAClearErrorAndLeavesNoThreads() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            NettyServerConfig config = new NettyServerConfig();
            config.setBindAddress("127.0.0.1");
            config.setListenPort(taken.getLocalPort());
            NettyRemotingServer server = new NettyRemotingServer(config, null,
                new WireIdentity(WireIdentity.V5_3_3, SerializeType.JSON), null);

            UncheckedIOException e = assertThrows(UncheckedIOException.class, server::start);

            assertEquals("cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": Address already in use", e.getMessage());
            assertEquals(List.of(), ThreadLeaks.survivors(5000));
        }
    }
}
