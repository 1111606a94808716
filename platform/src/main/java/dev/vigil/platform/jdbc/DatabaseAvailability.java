package dev.vigil.platform.jdbc;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Whether the primary database can be reached, known before a request asks. A probe on a connection of its own,
 * outside the pool, runs an empty query every {@code interval} while the database answers and every
 * {@code intervalWhileDown} while it does not; a failed connection request wakes it at once. While the database is
 * down, connection requests fail at once ({@link AvailabilityGatedDataSource}); the first successful probe opens them
 * again, so service resumes within {@code intervalWhileDown} of the database's return.
 * <p>
 * While the database is gone the pool is told so ({@link Listener}): HikariCP would otherwise keep trying to connect
 * with a back-off that grows to 5 s, and after the database's return make requests wait that long for a connection.
 * <p>
 * A circuit breaker that learns from requests (Resilience4j's) would let requests pay for the learning: each failure
 * it counts waited out the pool's connection timeout, and in its half-open state it tests the database with a
 * request again. The probe pays instead, and only a connection-level failure (SQLSTATE class 08, a shutdown, a probe
 * that got no answer in time) counts as down: a refused login or a full server is a different incident.
 */
public final class DatabaseAvailability implements ApplicationListener<ApplicationReadyEvent>, AutoCloseable {

    /** Opens the probe's connection, with short timeouts. */
    @FunctionalInterface
    interface ProbeConnector {
        Connection connect() throws SQLException;
    }

    /** What else follows the verdict: the pool, which stops trying to connect while the database is gone. */
    interface Listener {
        void unavailable();

        void available();
    }

    private static final Logger log = LoggerFactory.getLogger(DatabaseAvailability.class);

    private final ProbeConnector connector;
    private final Duration interval;
    private final Duration intervalWhileDown;
    private final int answerTimeoutMillis;
    private final Listener listener;
    private final Counter refused;
    private final AtomicBoolean probeQueued = new AtomicBoolean();
    private final ScheduledExecutorService prober = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("vigil-database-probe").daemon().factory());
    private volatile boolean available = true;
    private volatile String lastFailure = "";
    private volatile Instant changedAt = Instant.now();
    private Connection connection;

    DatabaseAvailability(ProbeConnector connector, Duration interval, Duration intervalWhileDown,
            Duration answerTimeout, Listener listener, MeterRegistry meters) {
        this.connector = connector;
        this.interval = interval;
        this.intervalWhileDown = intervalWhileDown;
        this.answerTimeoutMillis = (int) answerTimeout.toMillis();
        this.listener = listener;
        this.refused = Counter.builder("vigil.database.unavailable")
                .description("Connection requests refused at once because the database was known to be unreachable")
                .register(meters);
        Gauge.builder("vigil.database.available", this, watch -> watch.available ? 1 : 0)
                .description("1 while the primary database answers the probe, 0 while it cannot be reached")
                .register(meters);
    }

    /** Probes from when the application is ready: a context that never gets that far (a test's) probes nothing. */
    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        start();
    }

    void start() {
        prober.schedule(this::probeAndReschedule, 0, TimeUnit.MILLISECONDS);
    }

    public boolean isAvailable() {
        return available;
    }

    /** Since when the database has been available or unavailable. */
    public Instant changedAt() {
        return changedAt;
    }

    /** Why the last probe failed, empty while the database answers. */
    public String lastFailure() {
        return available ? "" : lastFailure;
    }

    /** Throws the request's failure at once while the database is known to be down. */
    void checkAvailable() throws DatabaseUnavailableException {
        if (!available) {
            refused.increment();
            throw new DatabaseUnavailableException(lastFailure);
        }
    }

    /**
     * A connection request or a statement failed in a way the database's absence would explain: probe now rather
     * than at the next interval, so requests stop waiting for connections that cannot be made.
     */
    void suspect() {
        if (available && probeQueued.compareAndSet(false, true)) {
            try {
                prober.execute(() -> {
                    probeQueued.set(false);
                    probe();
                });
            } catch (RejectedExecutionException shuttingDown) {
                probeQueued.set(false);
            }
        }
    }

    private void probeAndReschedule() {
        try {
            probe();
        } finally {
            if (!prober.isShutdown()) {
                long delay = (available ? interval : intervalWhileDown).toMillis();
                prober.schedule(this::probeAndReschedule, delay, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Runs on the prober's thread only. */
    void probe() {
        try {
            if (connection == null) {
                connection = connector.connect();
                // a read past this fails with 08006: behind PgBouncer a query waits for a server that is not there
                connection.setNetworkTimeout(Runnable::run, answerTimeoutMillis);
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT 1");
            }
            markAvailable();
        } catch (SQLException | RuntimeException e) {
            closeConnection();
            if (isConnectionFailure(e)) {
                markUnavailable(e.getMessage());
            } else {
                log.debug("event=database_probe_failed error=\"{}\"", e.toString());
            }
        }
    }

    private void markAvailable() {
        if (!available) {
            listener.available();
            available = true;
            Instant now = Instant.now();
            log.info("event=database_available unavailable_for={}", Duration.between(changedAt, now));
            changedAt = now;
        }
    }

    private void markUnavailable(String reason) {
        lastFailure = reason == null ? "no reason given" : reason;
        if (available) {
            available = false;
            changedAt = Instant.now();
            listener.unavailable();
            log.error("event=database_unavailable reason=\"{}\" requests needing it are answered 503 until it answers again",
                    lastFailure);
        }
    }

    /**
     * SQLSTATE class 08 (connection exception), 57P01–57P03 (the server shutting down or starting up): the server is
     * not there to serve. pgjdbc reports a refused or timed-out connection as 08001 and a broken one as 08006.
     */
    public static boolean isConnectionFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
        }
        return false;
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // a broken connection has nothing left to close
            }
            connection = null;
        }
    }

    @Override
    public void close() {
        prober.shutdownNow();
        try {
            prober.awaitTermination(answerTimeoutMillis + 1_000L, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeConnection();
    }
}
