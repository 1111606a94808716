package dev.vigil.platform.jdbc;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One background task per instance that reads, every {@code vigil.replica.poll-interval}, how far the standby has
 * replayed the primary's WAL, so a read only compares two numbers. A failed poll, or a read that failed on the
 * replica, marks the replica unavailable (reads go to the primary) until a poll succeeds again. Publishes the
 * replication lag ({@code vigil.replica.lag.bytes}, {@code vigil.replica.lag.seconds}) and
 * {@code vigil.replica.available}.
 */
final class ReplicaMonitor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReplicaMonitor.class);

    private static final String REPLAY_POSITION = """
            /* replica.replay_position */
            SELECT pg_last_wal_replay_lsn()::text AS replayed,
                   CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
                        ELSE COALESCE(EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()), 0) END AS seconds""";
    private static final String PRIMARY_POSITION = "/* replica.primary_position */ SELECT pg_current_wal_lsn()::text";

    private final JdbcClient primary;
    private final JdbcClient replica;
    private final Duration interval;
    private final AtomicBoolean available = new AtomicBoolean(false);
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "vigil-replica-monitor");
        thread.setDaemon(true);
        return thread;
    });
    private volatile long replayed;
    private volatile double lagBytes = Double.NaN;
    private volatile double lagSeconds = Double.NaN;

    ReplicaMonitor(JdbcClient primary, JdbcClient replica, Duration interval, MeterRegistry meters) {
        this.primary = primary;
        this.replica = replica;
        this.interval = interval;
        Gauge.builder("vigil.replica.lag.bytes", this, monitor -> monitor.lagBytes).baseUnit("bytes")
                .description("WAL the standby has not replayed yet (NaN while it does not answer)").register(meters);
        Gauge.builder("vigil.replica.lag.seconds", this, monitor -> monitor.lagSeconds).baseUnit("seconds")
                .description("Age of the last transaction the standby replayed, 0 when it has replayed all it received")
                .register(meters);
        Gauge.builder("vigil.replica.available", this, monitor -> monitor.available.get() ? 1 : 0)
                .description("1 while the replica serves reads, 0 while they run on the primary").register(meters);
    }

    void start() {
        poll();
        poller.scheduleWithFixedDelay(this::poll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether reads may go to the replica. */
    boolean available() {
        return available.get();
    }

    /** The WAL position the standby had replayed at the last poll. */
    long replayed() {
        return replayed;
    }

    /** A read failed on the replica: stop sending reads there until the next successful poll. */
    void failed(RuntimeException cause) {
        markUnavailable(cause);
    }

    void poll() {
        try {
            Position position = replica.sql(REPLAY_POSITION)
                    .query((rs, row) -> new Position(rs.getString("replayed"), rs.getDouble("seconds")))
                    .single();
            if (position.replayed() == null) {
                throw new IllegalStateException("the replica is not a standby (pg_last_wal_replay_lsn() is null)");
            }
            long standby = Lsn.parse(position.replayed());
            long current = Lsn.parse(primary.sql(PRIMARY_POSITION).query(String.class).single());
            replayed = standby;
            lagBytes = Math.max(0, current - standby);
            lagSeconds = position.seconds();
            if (available.compareAndSet(false, true)) {
                log.info("event=replica_available replayed={}", position.replayed());
            }
        } catch (RuntimeException e) { // any: an exception would end the scheduled polls
            lagBytes = Double.NaN;
            lagSeconds = Double.NaN;
            markUnavailable(e);
        }
    }

    private void markUnavailable(RuntimeException cause) {
        if (available.compareAndSet(true, false)) {
            log.warn("event=replica_unavailable reads=primary cause=\"{}\"", rootMessage(cause));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }

    /** Lets a poll in flight finish (interrupting it would break its connection and log an outage that is none). */
    @Override
    public void close() {
        poller.shutdown();
        try {
            if (!poller.awaitTermination(5, TimeUnit.SECONDS)) {
                poller.shutdownNow();
            }
        } catch (InterruptedException e) {
            poller.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private record Position(String replayed, double seconds) {
    }
}
