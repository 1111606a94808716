package dev.vigil.platform.devservers;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.util.FileSystemUtils;

/**
 * A real PostgreSQL 17 from Maven (zonky binaries) in a temporary data directory that {@link #stop()}
 * removes. As root, zonky runs the server through {@code unshare -U} as an unprivileged user.
 */
final class EmbeddedPostgresServer implements EmbeddedServer {

    private EmbeddedPostgres server;
    private Path dataDirectory;

    @Override
    public synchronized int start() {
        if (server == null) {
            try {
                dataDirectory = Files.createTempDirectory("vigil-pg-");
                server = EmbeddedPostgres.builder()
                        .setPort(PortProbe.freePort())
                        .setDataDirectory(dataDirectory)
                        .setCleanDataDirectory(true)
                        .setRegisterShutdownHook(false)
                        .setPGStartupWait(Duration.ofSeconds(30))
                        .setServerConfig("max_connections", "200")
                        .setServerConfig("fsync", "off")
                        .start();
            } catch (IOException | RuntimeException e) {
                server = null;
                deleteDataDirectory();
                throw new IllegalStateException(explain(e), e);
            }
        }
        return server.getPort();
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                server = null;
                deleteDataDirectory();
            }
        }
    }

    @Override
    public synchronized Path workDirectory() {
        return dataDirectory;
    }

    private void deleteDataDirectory() {
        if (dataDirectory != null) {
            FileSystemUtils.deleteRecursively(dataDirectory.toFile());
        }
    }

    private static String explain(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        if (runsAsRoot()) {
            return "this process runs as root, where PostgreSQL's initdb refuses to run, and running it unprivileged"
                    + " through 'unshare -U' (user namespaces) is not allowed here (" + message + ")";
        }
        return message;
    }

    private static boolean runsAsRoot() {
        try {
            return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
