package dev.vigil.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.springframework.util.FileSystemUtils;

/**
 * A private PgBouncer (Debian's {@code pgbouncer}, 1.18 here) in transaction mode in front of one database of
 * the shared PostgreSQL: its own configuration, user list and log in a temporary directory that {@link #close()}
 * removes with the process.
 * <p>
 * PgBouncer binds its port itself, so it is started with {@code listen_port = 0}: the kernel picks a free port
 * at the moment PgBouncer binds it, and the harness reads which one from {@code /proc}. No port is probed and
 * released first, so none can be taken by another process in between, and nothing needs a retry.
 * <p>
 * PgBouncer refuses to run as root; as root (the CI machine) it is started with {@code -u nobody}, and its
 * files are made readable for that user.
 */
public final class PgBouncerServer implements AutoCloseable {

    public static final String EXECUTABLE = "/usr/sbin/pgbouncer";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);
    private static final String LISTEN = "0A";
    private static final Pattern SAFE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final Process process;
    private final Path directory;
    private final String database;
    private final String user;
    private final int port;

    private PgBouncerServer(Process process, Path directory, String database, String user, int port) {
        this.process = process;
        this.directory = directory;
        this.database = database;
        this.user = user;
        this.port = port;
    }

    public static boolean installed() {
        return Files.isExecutable(Path.of(EXECUTABLE));
    }

    /**
     * Starts PgBouncer for {@code database} on {@code server}, with at most {@code poolSize} server connections:
     * clients beyond that share them, one transaction at a time.
     */
    public static PgBouncerServer start(InetSocketAddress server, String database, String user, int poolSize) {
        if (!SAFE_NAME.matcher(database).matches() || !SAFE_NAME.matcher(user).matches()) {
            throw new IllegalArgumentException("unusual database or user name: " + database + ", " + user);
        }
        if (!installed()) {
            throw new IllegalStateException(EXECUTABLE + " is missing: apt-get install -y --no-install-recommends"
                    + " pgbouncer (.ci/run does this)");
        }
        Path directory = null;
        try {
            directory = Files.createTempDirectory("vigil-pgbouncer-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            Path config = readable(directory.resolve("pgbouncer.ini"), configuration(server, database, user, poolSize,
                    directory.resolve("userlist.txt")));
            readable(directory.resolve("userlist.txt"), "\"" + user + "\" \"\"\n");
            List<String> command = new ArrayList<>(List.of(EXECUTABLE));
            if (runsAsRoot()) {
                command.addAll(List.of("-u", "nobody"));
            }
            command.add(config.toString());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(directory.resolve("pgbouncer.log").toFile()).start();
            PgBouncerServer bouncer = new PgBouncerServer(process, directory, database, user,
                    awaitListeningPort(process, directory));
            bouncer.awaitAnswer();
            return bouncer;
        } catch (IOException | RuntimeException e) {
            String log = directory == null ? "" : log(directory);
            if (directory != null) {
                FileSystemUtils.deleteRecursively(directory.toFile());
            }
            throw new IllegalStateException("PgBouncer did not start: " + e.getMessage() + "\n" + log, e);
        }
    }

    /**
     * Transaction pooling; PgBouncer 1.18 cannot pass pgjdbc's {@code options} (the session timeouts) or
     * {@code extra_float_digits} on, and refuses a client that sends them unless told to ignore them: the
     * timeouts are then set on the role in the database instead (docs/pooling.md).
     */
    private static String configuration(InetSocketAddress server, String database, String user, int poolSize,
            Path users) {
        return """
                [databases]
                %1$s = host=%2$s port=%3$d dbname=%1$s
                [pgbouncer]
                listen_addr = 127.0.0.1
                listen_port = 0
                unix_socket_dir =
                auth_type = trust
                auth_file = %4$s
                admin_users = %5$s
                pool_mode = transaction
                default_pool_size = %6$d
                min_pool_size = 0
                reserve_pool_size = 0
                max_client_conn = 200
                ignore_startup_parameters = extra_float_digits,options
                server_lifetime = 3600
                server_idle_timeout = 600
                client_idle_timeout = 0
                log_connections = 0
                log_disconnections = 0
                """.formatted(database, server.getHostString(), server.getPort(), users, user, poolSize);
    }

    /** The JDBC URL of the database through PgBouncer (no parameters: those are the pool's settings). */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    /** PgBouncer's {@code SHOW POOLS} row of the database, from its admin console: {@code sv_active} etc. */
    public Map<String, Long> pool() {
        return showRow("SHOW POOLS");
    }

    /** PgBouncer's {@code SHOW STATS} row of the database: {@code total_xact_count}, {@code total_query_count}... */
    public Map<String, Long> stats() {
        return showRow("SHOW STATS");
    }

    /**
     * A {@code SHOW} of the admin console through {@code psql}: the console answers only simple queries and
     * refuses the {@code SET} pgjdbc sends to a server whose version (PgBouncer's own, 1.18) looks older than 9.0.
     */
    private Map<String, Long> showRow(String command) {
        try {
            Process psql = new ProcessBuilder("psql", "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", user,
                    "-d", "pgbouncer", "-X", "-A", "-F", "|", "--pset", "footer=off", "-c", command)
                    .redirectErrorStream(true).start();
            List<String> lines = new String(psql.getInputStream().readAllBytes()).lines().toList();
            if (psql.waitFor() != 0 || lines.isEmpty()) {
                throw new IllegalStateException(command + " failed: " + String.join("\n", lines));
            }
            String[] columns = lines.getFirst().split("\\|", -1);
            for (String line : lines.subList(1, lines.size())) {
                String[] values = line.split("\\|", -1);
                if (values[0].equals(database)) {
                    Map<String, Long> row = new HashMap<>();
                    for (int i = 0; i < Math.min(columns.length, values.length); i++) {
                        if (values[i].matches("-?\\d+")) {
                            row.put(columns[i], Long.parseLong(values[i]));
                        }
                    }
                    return row;
                }
            }
            throw new IllegalStateException("PgBouncer shows no row for " + database + " in " + command);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            FileSystemUtils.deleteRecursively(directory.toFile());
        }
    }

    private void awaitAnswer() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            try (Connection connection = DriverManager.getConnection(jdbcUrl() + "?prepareThreshold=0", user, "");
                    Statement statement = connection.createStatement()) {
                statement.execute("SELECT 1");
                return;
            } catch (SQLException e) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("PgBouncer on port " + port + " does not answer: " + e.getMessage(), e);
                }
                pause();
            }
        }
    }

    /** The port of the listening TCP socket the process holds, once it has bound one. */
    private static int awaitListeningPort(Process process, Path directory) throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            Optional<Integer> port = listeningPort(process.pid());
            if (port.isPresent()) {
                return port.get();
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("PgBouncer exited with status " + process.exitValue());
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("PgBouncer did not listen within " + START_TIMEOUT);
            }
            pause();
        }
    }

    /** Linux: the process's socket inodes ({@code /proc/<pid>/fd}) matched with the listening IPv4 sockets. */
    private static Optional<Integer> listeningPort(long pid) throws IOException {
        List<String> inodes = new ArrayList<>();
        try (var descriptors = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            for (Path descriptor : descriptors.toList()) {
                try {
                    String target = Files.readSymbolicLink(descriptor).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // the descriptor went away while listing
                }
            }
        } catch (IOException processGone) {
            return Optional.empty();
        }
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/net/tcp"))) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length > 9 && LISTEN.equals(fields[3]) && inodes.contains(fields[9])) {
                return Optional.of(Integer.parseInt(fields[1].substring(fields[1].indexOf(':') + 1), 16));
            }
        }
        return Optional.empty();
    }

    private static Path readable(Path file, String content) throws IOException {
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        return file;
    }

    private static String log(Path directory) {
        try {
            Path log = directory.resolve("pgbouncer.log");
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while PgBouncer starts", e);
        }
    }

    private static boolean runsAsRoot() {
        try {
            return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
