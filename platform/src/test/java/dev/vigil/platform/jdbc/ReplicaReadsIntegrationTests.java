package dev.vigil.platform.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.vigil.platform.redis.RedisBackoff;
import dev.vigil.platform.testing.ReplicatedPostgres;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import redis.clients.jedis.JedisPooled;

/**
 * Where {@link ReplicaReads} sends a read, on a real primary and a standby a second behind: the server that ran
 * it says whether it is in recovery.
 */
class ReplicaReadsIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String ON_STANDBY = "SELECT pg_is_in_recovery()";

    private final ReplicatedPostgres pair = ReplicatedPostgres.shared();
    private final String prefix = "vigil-test:replica-reads:" + UUID.randomUUID() + ":";
    private final JedisPooled redis = new JedisPooled("127.0.0.1", 6379);
    private final LastWrites lastWrites = new LastWrites(redis, prefix, Duration.ofSeconds(60), backoff());
    private HikariDataSource primaryPool;
    private HikariDataSource standbyPool;
    private JdbcClient primary;
    private ReplicaMonitor monitor;
    private ReplicaReads reads;

    @BeforeEach
    void startPoolsAndMonitor() {
        primaryPool = pool(pair.primaryUrl());
        standbyPool = pool(pair.standbyUrl());
        primary = JdbcClient.create(primaryPool);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        monitor = new ReplicaMonitor(primary, JdbcClient.create(standbyPool), Duration.ofMillis(100), meters);
        monitor.start();
        reads = ReplicaReads.withReplica(primary, JdbcClient.create(standbyPool), monitor, lastWrites, meters);
        Awaitility.await().atMost(PATIENCE).until(monitor::available);
    }

    @AfterEach
    void close() {
        monitor.close();
        standbyPool.close();
        primaryPool.close();
        redis.keys(prefix + "*").forEach(redis::del);
        redis.close();
    }

    @Test
    void aUserWithoutRecentWritesReadsTheStandby() {
        assertThat(onStandby(UUID.randomUUID())).isTrue();
    }

    @Test
    void insideATransactionEveryReadRunsOnThePrimary() {
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(primaryPool));
        Boolean read = transaction.execute(status -> onStandby(UUID.randomUUID()));
        assertThat(read).isFalse();
    }

    @Test
    void aWritersReadsStayOnThePrimaryUntilTheStandbyHasReplayedTheWrite() {
        UUID writer = UUID.randomUUID();
        // a position the standby cannot have replayed (a GiB ahead of the primary), so no timing decides the test
        lastWrites.record(writer, primaryPosition() + (1L << 30));
        assertThat(onStandby(writer)).as("the writer, before the standby replayed the write").isFalse();
        assertThat(onStandby(UUID.randomUUID())).as("another user").isTrue();
    }

    @Test
    void onceTheStandbyHasReplayedTheWriteTheWriterReadsItAgain() {
        UUID writer = UUID.randomUUID();
        primary.sql("SELECT txid_current()").query(Long.class).single(); // a commit record, applied a second later
        lastWrites.record(writer, primaryPosition());
        Awaitility.await().atMost(PATIENCE).until(() -> onStandby(writer));
    }

    @Test
    void aLockTimeoutOnTheStandbyIsTheReadsAnswerNotAReasonToAskThePrimary() {
        // the lock a LOCK TABLE took on the primary is replayed on the standby: asking the primary would wait again
        List<Boolean> askedStandby = new ArrayList<>();
        assertThatThrownBy(() -> reads.forUser(UUID.randomUUID(), jdbc -> {
            askedStandby.add(jdbc.sql(ON_STANDBY).query(Boolean.class).single());
            throw new UncategorizedSQLException("read", "SELECT",
                    new SQLException("canceling statement due to lock timeout", "55P03"));
        })).isInstanceOf(UncategorizedSQLException.class);

        assertThat(askedStandby).containsExactly(true);
        assertThat(monitor.available()).isTrue();
    }

    private long primaryPosition() {
        return Lsn.parse(primary.sql("SELECT pg_current_wal_lsn()::text").query(String.class).single());
    }

    private boolean onStandby(UUID user) {
        return reads.forUser(user, jdbc -> jdbc.sql(ON_STANDBY).query(Boolean.class).single());
    }

    private static HikariDataSource pool(String url) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername("postgres");
        pool.setMaximumPoolSize(2);
        pool.setConnectionTimeout(1_000);
        return pool;
    }

    private static RedisBackoff backoff() {
        return new RedisBackoff(Duration.ofSeconds(1), System::nanoTime);
    }
}
