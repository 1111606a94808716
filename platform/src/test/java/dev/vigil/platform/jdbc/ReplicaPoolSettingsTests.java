package dev.vigil.platform.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.vigil.platform.sql.SlowStatementProperties;
import dev.vigil.platform.sql.StatementTelemetry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The replica's pool takes its sizing from the primary's pool as configured, started or not: in production Flyway
 * migrates on its own connection, so the primary's pool has not started when the replica's is built.
 */
class ReplicaPoolSettingsTests {

    private static final String UNREACHABLE = "jdbc:postgresql://127.0.0.1:1/vigil";

    @Test
    void aPrimaryPoolNotYetStartedWithMinimumIdleUnsetGivesAFixedReplicaPool() throws Exception {
        try (HikariDataSource primary = unstartedPrimary(); ReplicaPool replica = replicaPool(primary, 0)) {
            assertThat(primary.getMinimumIdle()).as("unset, before the pool starts").isNegative();
            assertThat(replica.pool().getMaximumPoolSize()).isEqualTo(20);
            assertThat(replica.pool().getMinimumIdle()).isEqualTo(20);
        }
    }

    @Test
    void aSmallerReplicaPoolKeepsItsOwnMaximumAsMinimumIdle() throws Exception {
        try (HikariDataSource primary = unstartedPrimary(); ReplicaPool replica = replicaPool(primary, 8)) {
            assertThat(replica.pool().getMaximumPoolSize()).isEqualTo(8);
            assertThat(replica.pool().getMinimumIdle()).isEqualTo(8);
        }
    }

    @Test
    void aConfiguredMinimumIdleCarriesOver() throws Exception {
        try (HikariDataSource primary = unstartedPrimary()) {
            primary.setMinimumIdle(5);
            try (ReplicaPool replica = replicaPool(primary, 0)) {
                assertThat(replica.pool().getMinimumIdle()).isEqualTo(5);
            }
        }
    }

    private static HikariDataSource unstartedPrimary() {
        HikariDataSource primary = new HikariDataSource();
        primary.setJdbcUrl(UNREACHABLE);
        primary.setMaximumPoolSize(20);
        return primary;
    }

    private static ReplicaPool replicaPool(HikariDataSource primary, int maximumPoolSize) throws Exception {
        ReplicaProperties properties = new ReplicaProperties(UNREACHABLE, "vigil", "vigil", maximumPoolSize,
                Duration.ofMillis(250), Duration.ofMillis(200), Duration.ofSeconds(60));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        StatementTelemetry telemetry = new StatementTelemetry(meters,
                new SlowStatementProperties(Duration.ofMillis(500), Duration.ofSeconds(1)));
        return new ReplicaConfiguration.WithReplica().replicaPool(properties, primary, meters, telemetry);
    }
}
