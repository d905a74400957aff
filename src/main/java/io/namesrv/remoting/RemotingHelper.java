package io.namesrv.remoting;

import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** Small helpers shared by server and client. */
public final class RemotingHelper {

    private RemotingHelper() {
    }

    /** {@code host:port} of the channel's remote end, or "" when it is unknown. */
    public static String remoteAddr(Channel channel) {
        if (channel == null) {
            return "";
        }
        return addrString(channel.remoteAddress());
    }

    public static String addrString(SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            String host = inet.getAddress() != null ? inet.getAddress().getHostAddress() : inet.getHostString();
            return host + ":" + inet.getPort();
        }
        return address == null ? "" : address.toString();
    }

    /** Parses {@code host:port} (IPv6 hosts may be bracketed or not; the last colon splits). */
    public static InetSocketAddress toSocketAddress(String addr) {
        int colon = addr.lastIndexOf(':');
        if (colon <= 0 || colon == addr.length() - 1) {
            throw new IllegalArgumentException("address must be host:port, got '" + addr + "'");
        }
        String host = addr.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(addr.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad port in address '" + addr + "'");
        }
        return new InetSocketAddress(host, port);
    }

    /** Apache's short exception description: the exception and its first stack frame. */
    public static String exceptionSimpleDesc(Throwable e) {
        StringBuilder sb = new StringBuilder();
        if (e != null) {
            sb.append(e);
            StackTraceElement[] trace = e.getStackTrace();
            if (trace != null && trace.length > 0) {
                sb.append(", ").append(trace[0]);
            }
        }
        return sb.toString();
    }
}
