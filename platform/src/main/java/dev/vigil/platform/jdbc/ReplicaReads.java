package dev.vigil.platform.jdbc;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Where a user-facing read of one user's data runs: on the read replica when there is one, it answers, and it has
 * replayed that user's last write; otherwise on the primary. A read that fails on the replica runs again on the
 * primary, so a replica going away costs latency, not errors. Code inside a transaction always reads the primary
 * (it may be reading its own uncommitted write). Query classes take their reads through {@link #forUser}:
 * <pre>{@code
 * reads.forUser(userId, jdbc -> jdbc.sql(BY_USER).param("userId", userId).query(rows).optional());
 * }</pre>
 * Meters: {@code vigil.reads{pool, reason}} counts the reads per pool and why they ran there;
 * {@code vigil.replica.fallbacks} the reads that failed on the replica and ran on the primary.
 */
public final class ReplicaReads {

    private final JdbcClient primary;
    private final Replica replica;

    private ReplicaReads(JdbcClient primary, Replica replica) {
        this.primary = primary;
        this.replica = replica;
    }

    /** Every read on the primary: no replica is configured. */
    public static ReplicaReads primaryOnly(JdbcClient primary) {
        return new ReplicaReads(primary, null);
    }

    static ReplicaReads withReplica(JdbcClient primary, JdbcClient replica, ReplicaMonitor monitor,
            LastWrites lastWrites, MeterRegistry meters) {
        return new ReplicaReads(primary, new Replica(replica, monitor, lastWrites, meters));
    }

    /** Runs {@code read}, a read of {@code userId}'s data that writes nothing, where it may run. */
    public <T> T forUser(UUID userId, Function<JdbcClient, T> read) {
        if (replica == null) {
            return read.apply(primary);
        }
        Reason reason = replica.reasonForPrimary(userId);
        if (reason != null) {
            replica.count(reason);
            return read.apply(primary);
        }
        T result;
        try {
            result = read.apply(replica.jdbc);
        } catch (DataAccessException e) {
            if (LockTimeouts.isLockNotAvailable(e)) {
                // an ACCESS EXCLUSIVE lock taken on the primary and replayed here: the primary would make the read
                // wait as long again, and the replica is fine
                throw e;
            }
            replica.monitor.failed(e);
            replica.fallbacks.increment();
            replica.count(Reason.REPLICA_FAILED);
            return read.apply(primary);
        }
        replica.count(Reason.REPLICA);
        return result;
    }

    /** Why a read ran where it did: the {@code reason} tag of {@code vigil.reads}. */
    enum Reason {
        REPLICA("replica", "replica"),
        IN_TRANSACTION("primary", "in_transaction"),
        REPLICA_UNAVAILABLE("primary", "replica_unavailable"),
        OWN_WRITE_NOT_REPLAYED("primary", "own_write_not_replayed"),
        REPLICA_FAILED("primary", "replica_failed");

        final String pool;
        final String tag;

        Reason(String pool, String tag) {
            this.pool = pool;
            this.tag = tag;
        }
    }

    private static final class Replica {

        private final JdbcClient jdbc;
        private final ReplicaMonitor monitor;
        private final LastWrites lastWrites;
        private final Counter[] reads = new Counter[Reason.values().length];
        private final Counter fallbacks;

        Replica(JdbcClient jdbc, ReplicaMonitor monitor, LastWrites lastWrites, MeterRegistry meters) {
            this.jdbc = jdbc;
            this.monitor = monitor;
            this.lastWrites = lastWrites;
            for (Reason reason : Reason.values()) {
                reads[reason.ordinal()] = Counter.builder("vigil.reads")
                        .description("User-facing reads, by the pool that served them and why")
                        .tags("pool", reason.pool, "reason", reason.tag)
                        .register(meters);
            }
            this.fallbacks = Counter.builder("vigil.replica.fallbacks")
                    .description("Reads that failed on the replica and ran again on the primary")
                    .register(meters);
        }

        /** Null when the read may go to the replica. */
        Reason reasonForPrimary(UUID userId) {
            if (TransactionSynchronizationManager.isActualTransactionActive()) {
                return Reason.IN_TRANSACTION;
            }
            if (!monitor.available()) {
                return Reason.REPLICA_UNAVAILABLE;
            }
            // read the replay position first: it only grows, so comparing it with a later look-up errs towards
            // the primary
            long replayed = monitor.replayed();
            if (Long.compareUnsigned(lastWrites.of(userId), replayed) > 0) {
                return Reason.OWN_WRITE_NOT_REPLAYED;
            }
            return null;
        }

        void count(Reason reason) {
            reads[reason.ordinal()].increment();
        }
    }
}
