package io.namesrv.namesrv.peers;

import io.namesrv.common.NameServerAddresses;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code namesrvPeers} ({@code host:port;host:port}, like namesrvAddr) and leaves this
 * server out, so every name server of a cluster can be given the same list: an entry is this
 * server when its port is the listen port and its host is one of this machine's addresses.
 */
final class PeerAddresses {

    private PeerAddresses() {
    }

    /** The peers to talk to; an entry that is not {@code host:port} stops the start with a clear message. */
    static List<String> parse(String list, int listenPort) {
        Set<String> peers = new LinkedHashSet<>();
        for (String addr : NameServerAddresses.split(list)) {
            int port = NameServerAddresses.portOf(addr);
            if (port < 0) {
                throw new IllegalArgumentException("namesrvPeers: '" + addr + "' is not host:port");
            }
            if (!(port == listenPort && isLocal(addr.substring(0, addr.lastIndexOf(':'))))) {
                peers.add(addr);
            }
        }
        return new ArrayList<>(peers);
    }

    private static boolean isLocal(String host) {
        try {
            InetAddress address = InetAddress.getByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
            return address.isAnyLocalAddress() || address.isLoopbackAddress()
                || NetworkInterface.getByInetAddress(address) != null;
        } catch (UnknownHostException | SocketException e) {
            return false;
        }
    }
}
