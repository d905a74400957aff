package io.namesrv.namesrv.address;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * The remoting address this name server gives out as its own: what {@code advertisedAddress}
 * says, else its own entry in {@code namesrvPeers} (the name its peers know it by), else the
 * {@code bindAddress} when it is a real address, else (listening on 0.0.0.0, which no client can
 * connect to) this machine's first site-local IPv4 address (10/8, 172.16/12,
 * 192.168/16: the LAN or container network), then any other non-loopback IPv4, then a global
 * IPv6 address, and only when there is none of those, the loopback address. The port is the one
 * the remoting server listens on unless {@code advertisedAddress} names another (NAT).
 */
public record AdvertisedAddress(String address, String source) {

    /**
     * @param configured   {@code advertisedAddress}: {@code host}, {@code host:port} or empty
     * @param listed       this server's own entry in {@code namesrvPeers} ({@code host:port}), or null:
     *                     after {@code advertisedAddress}, the name its peers list it by, so that
     *                     every server of a cluster given the same list answers the same text
     * @param bindAddress  the remoting server's {@code bindAddress}
     * @param listenPort   the port it listens on (after binding, for {@code listenPort=0})
     * @param local        this machine's addresses, in interface order
     */
    public static AdvertisedAddress resolve(String configured, String listed, String bindAddress, int listenPort,
                                            List<InetAddress> local) {
        if (configured != null && !configured.isBlank()) {
            String value = configured.trim();
            return new AdvertisedAddress(hasPort(value) ? value : join(value, listenPort), "advertisedAddress");
        }
        if (listed != null && !listed.isBlank() && !isWildcard(listed.substring(0, listed.lastIndexOf(':')))) {
            return new AdvertisedAddress(listed.trim(), "its own entry in namesrvPeers");
        }
        if (bindAddress != null && !bindAddress.isBlank() && !isWildcard(bindAddress.trim())) {
            return new AdvertisedAddress(join(bindAddress.trim(), listenPort), "bindAddress");
        }
        List<Predicate<InetAddress>> preferences = List.of(
            a -> a instanceof Inet4Address && a.isSiteLocalAddress(),
            a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress() && !a.isAnyLocalAddress(),
            a -> a instanceof Inet6Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress() && !a.isAnyLocalAddress()
                && !a.isSiteLocalAddress());
        String[] sources = {"the first site-local address", "the first non-loopback address", "the first global IPv6 address"};
        for (int i = 0; i < preferences.size(); i++) {
            for (InetAddress a : local) {
                if (preferences.get(i).test(a)) {
                    return new AdvertisedAddress(join(withoutScope(a.getHostAddress()), listenPort), sources[i]);
                }
            }
        }
        return new AdvertisedAddress(join("127.0.0.1", listenPort),
            "loopback: this machine has no other address; set advertisedAddress");
    }

    /** This machine's addresses: interfaces that are up, in index order, each interface's in its own order. */
    public static List<InetAddress> localAddresses() {
        List<InetAddress> addresses = new ArrayList<>();
        try {
            List<NetworkInterface> interfaces = new ArrayList<>(NetworkInterface.networkInterfaces().toList());
            interfaces.sort(Comparator.comparingInt(NetworkInterface::getIndex));
            for (NetworkInterface ni : interfaces) {
                if (ni.isUp()) {
                    addresses.addAll(ni.inetAddresses().toList());
                }
            }
        } catch (SocketException e) {
            // No interface list: the loopback fallback applies, and the log line says so.
        }
        return addresses;
    }

    /** Refuses a value that cannot be a {@code host} or {@code host:port} in a {@code ;}-separated list. */
    static void check(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ';' || c == ',' || c == '/' || Character.isWhitespace(c)) {
                throw new IllegalArgumentException("must be host or host:port, not '" + value + "'");
            }
        }
        String host = hasPort(value) ? value.substring(0, value.lastIndexOf(':')) : value;
        if (isWildcard(host)) {
            throw new IllegalArgumentException("'" + value + "' is the wildcard address: no client can connect to it;"
                + " give an address of this machine that clients reach");
        }
        if (hasPort(value)) {
            String port = value.substring(value.lastIndexOf(':') + 1);
            int p;
            try {
                p = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + port + "' in '" + value + "' is not a port");
            }
            if (p < 1 || p > 65535) {
                throw new IllegalArgumentException("port " + p + " in '" + value + "' is not 1 to 65535");
            }
        }
    }

    /** {@code host:port}, {@code [v6]:port} or {@code a.b.c.d:port}; a bare IPv6 literal has no port. */
    private static boolean hasPort(String value) {
        int colon = value.lastIndexOf(':');
        if (colon < 0) {
            return false;
        }
        return value.indexOf(':') == colon || value.startsWith("[") && value.lastIndexOf(']') < colon;
    }

    /** Interface addresses carry their scope ({@code %eth0}), which means nothing on another machine. */
    private static String withoutScope(String hostAddress) {
        int percent = hostAddress.indexOf('%');
        return percent < 0 ? hostAddress : hostAddress.substring(0, percent);
    }

    private static boolean isWildcard(String host) {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]") || host.equals("0:0:0:0:0:0:0:0");
    }

    /** {@code host:port}, with an IPv6 literal in brackets. */
    private static String join(String host, int port) {
        boolean v6 = host.indexOf(':') >= 0 && !host.startsWith("[");
        return (v6 ? "[" + host + "]" : host) + ":" + port;
    }
}
