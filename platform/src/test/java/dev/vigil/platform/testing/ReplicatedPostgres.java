package dev.vigil.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private PostgreSQL primary and a streaming hot standby made from it by {@code pg_basebackup -R}, with
 * {@code recovery_min_apply_delay = 1s}: the standby stays deliberately about a second behind. Started once per
 * test JVM by {@code bin/replica up} (the same script people use, docs/scaling.md) in a temporary directory, on
 * ports the OS chose, and removed by {@code bin/replica down} when the JVM exits. Never the shared server on 5432.
 * A Spring test points {@code spring.datasource.url} at {@link #primaryUrl()} and {@code vigil.replica.url} at
 * {@link #standbyUrl()}; the test isolation gives both the test's database name.
 */
public final class ReplicatedPostgres {

    private static ReplicatedPostgres started;

    private final Path script;
    private final Path directory;
    private final int primaryPort;
    private final int standbyPort;

    private ReplicatedPostgres(Path script, Path directory, int primaryPort, int standbyPort) {
        this.script = script;
        this.directory = directory;
        this.primaryPort = primaryPort;
        this.standbyPort = standbyPort;
    }

    /** The pair this JVM shares, started on first use (initdb and a base backup: about two seconds). */
    public static synchronized ReplicatedPostgres shared() {
        if (started == null) {
            started = start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::down, "replicated-postgres-down"));
        }
        return started;
    }

    public String primaryUrl() {
        return "jdbc:postgresql://127.0.0.1:" + primaryPort + "/postgres";
    }

    public String standbyUrl() {
        return "jdbc:postgresql://127.0.0.1:" + standbyPort + "/postgres";
    }

    /** Stops the standby (fast shutdown: its connections are cut). */
    public void stopStandby() {
        run(script.toString(), "stop-standby", "--dir", directory.toString());
    }

    /** Starts the stopped standby again, on the same port; it catches up from the primary. */
    public void startStandby() {
        run(script.toString(), "start-standby", "--dir", directory.toString());
    }

    private void down() {
        run(script.toString(), "down", "--dir", directory.toString());
    }

    private static ReplicatedPostgres start() {
        Path script = findScript();
        Path directory;
        try {
            directory = Files.createTempDirectory("vigil-replica-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            List<String> ports = run(script.toString(), "up", "--dir", directory.toString(), "--apply-delay", "1s");
            return new ReplicatedPostgres(script, directory, port(ports, "primary_port="), port(ports, "standby_port="));
        } catch (RuntimeException e) {
            run(script.toString(), "down", "--dir", directory.toString()); // what did start, and the directory
            throw e;
        }
    }

    private static int port(List<String> lines, String prefix) {
        return lines.stream().filter(line -> line.startsWith(prefix)).map(line -> line.substring(prefix.length()))
                .mapToInt(Integer::parseInt).findFirst()
                .orElseThrow(() -> new IllegalStateException("bin/replica up printed no " + prefix + ": " + lines));
    }

    /** bin/replica of the checkout the tests run in: a module's directory or the root. */
    private static Path findScript() {
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            Path script = directory.resolve("bin/replica");
            if (Files.isExecutable(script)) {
                return script;
            }
        }
        throw new IllegalStateException("no bin/replica above " + Path.of("").toAbsolutePath());
    }

    private static List<String> run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            List<String> output = new ArrayList<>();
            try (var lines = process.inputReader(StandardCharsets.UTF_8)) {
                lines.lines().forEach(output::add);
            }
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " failed: " + String.join("\n", output));
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
