package dev.vigil.platform.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A TCP relay in front of the real Redis, so a test can take Redis away, freeze it, or bring it back, without
 * touching the server other tests use.
 */
public final class RedisRelay implements AutoCloseable {

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile boolean frozen;

    private RedisRelay(ServerSocket server, InetSocketAddress target) {
        this.server = server;
        this.target = target;
    }

    /**
     * A port nothing listens on (until a relay is started on it). Taken below Linux's ephemeral range
     * (32768 and up), where the outgoing connections of every build on the machine pick their local ports: one
     * of them could take a port handed out there before the relay binds it.
     */
    public static int freePort() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = 20_000 + ThreadLocalRandom.current().nextInt(12_000);
            try (ServerSocket probe = new ServerSocket()) {
                probe.setReuseAddress(true);
                probe.bind(new InetSocketAddress("127.0.0.1", port));
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new UncheckedIOException(new IOException("no free port between 20000 and 32000"));
    }

    /** The host and port of a {@code redis://} URL, for a relay's target. */
    public static InetSocketAddress addressOf(URI redisUrl) {
        return new InetSocketAddress(redisUrl.getHost(), redisUrl.getPort() == -1 ? 6379 : redisUrl.getPort());
    }

    public static RedisRelay start(int port, InetSocketAddress target) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress("127.0.0.1", port));
        RedisRelay relay = new RedisRelay(server, target);
        Thread.ofVirtual().name("redis-relay-accept").start(relay::accept);
        return relay;
    }

    /** Keeps accepting and reading, but holds every byte back: to the client, Redis stopped answering. */
    public void freeze() {
        frozen = true;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket redis = new Socket(target.getHostString(), target.getPort());
                sockets.add(client);
                sockets.add(redis);
                Thread.ofVirtual().start(() -> pump(client, redis));
                Thread.ofVirtual().start(() -> pump(redis, client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[8192];
        try (from; to) { // either side ending ends the pair
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
                while (frozen) {
                    Thread.sleep(10);
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException | InterruptedException closed) {
            // the client or the relay closed the connection
        }
    }
}
