package dev.vigil.platform.devservers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.util.FileSystemUtils;
import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

/**
 * A real Redis binary from Maven (embedded-redis), cache-only (no persistence), with its binary and
 * working directory in one temporary folder that {@link #stop()} removes.
 */
final class EmbeddedRedisServer implements EmbeddedServer {

    private RedisServer server;
    private Path workDirectory;
    private int port;

    @Override
    public synchronized int start() {
        if (server == null) {
            try {
                workDirectory = Files.createTempDirectory("vigil-redis-");
                port = PortProbe.freePort();
                RedisServer starting = RedisServer.newRedisServer()
                        .executableProvider(ExecutableProvider.newJarResourceProvider(workDirectory.toFile()))
                        .bind("127.0.0.1")
                        .port(port)
                        .setting("dir " + workDirectory)
                        .setting("save \"\"")
                        .setting("appendonly no")
                        .build();
                starting.start();
                server = starting;
            } catch (IOException | RuntimeException e) {
                deleteWorkDirectory();
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
        return port;
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            try {
                server.stop();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                server = null;
                deleteWorkDirectory();
            }
        }
    }

    @Override
    public synchronized Path workDirectory() {
        return workDirectory;
    }

    private void deleteWorkDirectory() {
        if (workDirectory != null) {
            FileSystemUtils.deleteRecursively(workDirectory.toFile());
        }
    }
}
