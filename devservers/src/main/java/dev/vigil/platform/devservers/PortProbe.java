package dev.vigil.platform.devservers;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

/**
 * TCP-level checks: does something answer at an address, and which local port is free.
 */
final class PortProbe {

    /**
     * How often an embedded server tries another free port: a port found free may be taken by another process
     * before the server binds it, since a server in its own process cannot be handed a bound socket.
     */
    static final int ATTEMPTS = 3;

    private PortProbe() {
    }

    static boolean answers(String host, int port, Duration timeout) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free local port for an embedded server", e);
        }
    }
}
