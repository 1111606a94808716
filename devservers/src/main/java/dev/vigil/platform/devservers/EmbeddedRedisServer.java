package dev.vigil.platform.devservers;

import java.io.File;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.springframework.util.FileSystemUtils;
import redis.embedded.core.ExecutableProvider;

/**
 * A real Redis binary from Maven (embedded-redis's), cache-only (no persistence), with its binary, working
 * directory and log in one temporary folder that {@link #stop()} removes.
 * <p>
 * The process is started here rather than by embedded-redis, whose {@code RedisServer} stops it from a JVM
 * shutdown hook of its own, at the same time as the application contexts close. It runs in a session of its
 * own ({@code setsid}, where present), so a Ctrl-C in the terminal reaches the application, which stops
 * Redis after it has closed, and not Redis directly.
 */
final class EmbeddedRedisServer implements EmbeddedServer {

    private static final Duration STARTUP_WAIT = Duration.ofSeconds(10);
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private Process process;
    private Path workDirectory;
    private int port;

    @Override
    public synchronized int start() {
        for (int attempt = 1; process == null; attempt++) {
            try {
                startOnce();
            } catch (PortTakenException e) {
                stop();
                if (attempt == PortProbe.ATTEMPTS) {
                    throw new IllegalStateException("embedded Redis did not start: " + e.getMessage(), e);
                }
            } catch (IOException | RuntimeException e) {
                stop();
                throw new IllegalStateException("embedded Redis did not start: " + e.getMessage(), e);
            }
        }
        return port;
    }

    /**
     * A free port can be taken by another process (another build's embedded server, say) before Redis binds it:
     * then Redis exits, or the answer comes from the other server. Either is a {@link PortTakenException}, and
     * {@link #start()} tries a new port.
     */
    private void startOnce() throws IOException {
        workDirectory = Files.createTempDirectory("vigil-redis-");
        port = PortProbe.freePort();
        File binary = ExecutableProvider.newJarResourceProvider(workDirectory.toFile()).get();
        process = new ProcessBuilder(command(binary))
                .directory(workDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(workDirectory.resolve("redis.log").toFile())
                .start();
        awaitConnections();
        if (!answersFromOurDirectory()) {
            throw new PortTakenException("another server answers on port " + port);
        }
    }

    /** Whether the Redis on our port is ours: its working directory is the one this instance made. */
    private boolean answersFromOurDirectory() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) STARTUP_WAIT.toMillis());
            socket.getOutputStream().write("CONFIG GET dir\r\nQUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return answer.contains(workDirectory.toRealPath().toString());
        }
    }

    private List<String> command(File binary) {
        List<String> command = new ArrayList<>();
        setsid().ifPresent(command::add);
        command.addAll(List.of(binary.getAbsolutePath(), "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--dir", workDirectory.toString(), "--save", "", "--appendonly", "no"));
        return command;
    }

    /** util-linux's {@code setsid} from the PATH; absent on macOS, where Redis then shares the terminal's Ctrl-C. */
    private static Optional<String> setsid() {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(directory -> !directory.isEmpty())
                .map(directory -> Path.of(directory, "setsid"))
                .filter(Files::isExecutable)
                .map(Path::toString)
                .findFirst();
    }

    private void awaitConnections() throws IOException {
        long deadline = System.nanoTime() + STARTUP_WAIT.toNanos();
        while (!PortProbe.answers("127.0.0.1", port, Duration.ofMillis(200))) {
            if (!process.isAlive()) {
                String log = Files.readString(workDirectory.resolve("redis.log")).strip();
                if (log.contains("Address already in use")) {
                    throw new PortTakenException("port " + port + " was taken before redis-server bound it");
                }
                throw new IOException("redis-server exited with status " + process.exitValue() + ": " + log);
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("redis-server did not accept connections within " + STARTUP_WAIT.toSeconds() + " s");
            }
            sleep(50);
        }
    }

    @Override
    public synchronized void stop() {
        try {
            if (process != null) {
                process.destroy();
                if (!waitFor(process)) {
                    process.destroyForcibly();
                    waitFor(process);
                }
            }
        } finally {
            process = null;
            if (workDirectory != null) {
                FileSystemUtils.deleteRecursively(workDirectory.toFile());
            }
        }
    }

    @Override
    public synchronized Path workDirectory() {
        return workDirectory;
    }

    private static boolean waitFor(Process process) {
        try {
            return process.waitFor(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for redis-server", e);
        }
    }
}
