package io.namesrv.controller;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Whether a broker's listening port is closed: a TCP connect that is refused at once. */
@FunctionalInterface
interface PortProbe {

    int TIMEOUT_MILLIS = 500;

    /** True only for a refused connection; a timeout or any other failure proves nothing. */
    boolean refusesConnections(String hostPort);

    static PortProbe tcp() {
        return hostPort -> {
            if (hostPort == null || hostPort.lastIndexOf(':') < 0) {
                return false;
            }
            int colon = hostPort.lastIndexOf(':');
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(hostPort.substring(0, colon),
                    Integer.parseInt(hostPort.substring(colon + 1))), TIMEOUT_MILLIS);
                return false;
            } catch (ConnectException e) {
                return true;
            } catch (IOException | IllegalArgumentException e) {
                return false;
            }
        };
    }
}
