package dev.vigil.platform.devservers;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
        for (int attempt = 1; server == null; attempt++) {
            try {
                startOnce();
            } catch (PortTakenException e) {
                stop();
                if (attempt == PortProbe.ATTEMPTS) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            } catch (IOException | SQLException | RuntimeException e) {
                stop();
                throw new IllegalStateException(explain(e), e);
            }
        }
        return server.getPort();
    }

    /**
     * A free port can be taken by another process (another build's embedded PostgreSQL, say) before the server
     * binds it; then the server that answers is not ours, and {@link #start()} tries a new port.
     */
    private void startOnce() throws IOException, SQLException {
        dataDirectory = Files.createTempDirectory("vigil-pg-");
        server = EmbeddedPostgres.builder()
                .setPort(PortProbe.freePort())
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(true)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(30))
                .setServerConfig("max_connections", "200")
                .setServerConfig("fsync", "off")
                // the server's own log goes to files in its data directory: the start-up probe's connections get
                // 'FATAL: the database system is starting up' there, not in the service's output
                .setServerConfig("logging_collector", "on")
                .start();
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                ResultSet directory = statement.executeQuery("SHOW data_directory")) {
            directory.next();
            if (!Path.of(directory.getString(1)).toRealPath().equals(dataDirectory.toRealPath())) {
                throw new PortTakenException("another PostgreSQL answers on port " + server.getPort());
            }
        }
    }

    @Override
    public synchronized void stop() {
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            server = null;
            deleteDataDirectory();
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
