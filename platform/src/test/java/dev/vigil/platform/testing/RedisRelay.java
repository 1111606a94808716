package dev.vigil.platform.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * A TCP relay in front of the real Redis, so a test can take Redis away, freeze it, or bring it back, without
 * touching the server other tests use.
 * <p>
 * The relay listens on a port the operating system chose and holds it until {@link #close()}: an outage resets
 * connections rather than giving the port up, so bringing Redis back can never find the port taken by another
 * process (or another build on the machine).
 */
public final class RedisRelay implements AutoCloseable {

    private static final CountDownLatch FLOWING = new CountDownLatch(0);

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile boolean down;
    /** Open while bytes flow; a frozen relay's pumps wait on it. */
    private volatile CountDownLatch thawed = FLOWING;

    private RedisRelay(ServerSocket server, InetSocketAddress target) {
        this.server = server;
        this.target = target;
    }

    /** The host and port of a {@code redis://} URL, for a relay's target. */
    public static InetSocketAddress addressOf(URI redisUrl) {
        return new InetSocketAddress(redisUrl.getHost(), redisUrl.getPort() == -1 ? 6379 : redisUrl.getPort());
    }

    /** A relay to {@code target} on 127.0.0.1 and a free port the operating system picks, forwarding. */
    public static RedisRelay start(InetSocketAddress target) throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        RedisRelay relay = new RedisRelay(server, target);
        Thread.ofVirtual().name("redis-relay-accept").start(relay::accept);
        return relay;
    }

    /** The port the relay listens on, for as long as it is open. */
    public int port() {
        return server.getLocalPort();
    }

    /**
     * Redis is gone: every open connection is reset, and every new one is reset as soon as it is accepted. The
     * port stays bound, so {@link #bringBack()} cannot lose it.
     */
    public void takeDown() {
        down = true;
        resetAll();
    }

    /** Redis answers again: new connections are forwarded, and a frozen relay passes its held bytes on. */
    public void bringBack() {
        down = false;
        thawed.countDown();
    }

    /** Keeps accepting and reading, but holds every byte back: to the client, Redis stopped answering. */
    public void freeze() {
        thawed = new CountDownLatch(1);
    }

    @Override
    public void close() throws IOException {
        server.close();
        thawed.countDown();
        resetAll();
    }

    private void accept() {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException closed) {
                return;
            }
            if (down) {
                reset(client);
                continue;
            }
            try {
                Socket redis = new Socket(target.getHostString(), target.getPort());
                sockets.add(client);
                sockets.add(redis);
                Thread.ofVirtual().start(() -> pump(client, redis));
                Thread.ofVirtual().start(() -> pump(redis, client));
            } catch (IOException redisUnreachable) {
                reset(client);
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[8192];
        try (from; to) { // either side ending ends the pair
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
                thawed.await();
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException | InterruptedException closed) {
            // the client, Redis or the relay closed the connection
        } finally {
            sockets.remove(from);
            sockets.remove(to);
        }
    }

    private void resetAll() {
        for (Socket socket : sockets) {
            reset(socket);
        }
    }

    /** Closes with a TCP reset, as a server that went away does, rather than an orderly end of stream. */
    private static void reset(Socket socket) {
        try (socket) {
            socket.setSoLinger(true, 0);
        } catch (IOException alreadyClosed) {
            // nothing left to reset
        }
    }
}
