package dev.vigil.platform.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import com.zaxxer.hikari.HikariDataSource;
import dev.vigil.platform.testing.ExpectedLogs;
import dev.vigil.platform.testing.ReplicatedPostgres;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * A real PostgreSQL going away and coming back: the private standby of {@link ReplicatedPostgres}, stopped and
 * started, behind a pool gated by {@link DatabaseAvailability}.
 */
class DatabaseAvailabilityIntegrationTests {

    @RegisterExtension
    final ExpectedLogs logs = ExpectedLogs.from("dev.vigil.platform.jdbc", "com.zaxxer.hikari");

    @Test
    void whileTheDatabaseIsStoppedConnectionsAreRefusedWithoutWaitingAndTheyComeBackWithIt() throws Exception {
        ReplicatedPostgres postgres = ReplicatedPostgres.shared();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (HikariDataSource pool = pool(postgres.standbyUrl());
                DatabaseAvailability availability = new DatabaseAvailability(
                        ProbeConnections.like(pool, Duration.ofSeconds(1)), Duration.ofMillis(100), Duration.ofMillis(50),
                        Duration.ofMillis(500), new SuspendedWhileUnavailable(pool), meters)) {
            availability.start();
            DataSource gated = new AvailabilityGatedDataSource(pool,
                    new StaticListableBeanFactory(Map.of("availability", availability))
                            .getBeanProvider(DatabaseAvailability.class));
            // the shared standby may be busy replaying other tests' work: wait until it answers before stopping it
            await().atMost(Duration.ofSeconds(30)).until(() -> answers(gated));
            logs.allow(Level.WARN, "");
            logs.allow(Level.ERROR, "");

            postgres.stopStandby();
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> !availability.isAvailable());
                // refused by the gate itself, which never waits for the pool
                assertThatThrownBy(gated::getConnection).isInstanceOf(DatabaseUnavailableException.class);
                assertThat(meters.get("vigil.database.unavailable").counter().count()).isEqualTo(1);
            } finally {
                postgres.startStandby();
            }

            await().atMost(Duration.ofSeconds(30)).until(availability::isAvailable);
            await().atMost(Duration.ofSeconds(30)).until(() -> answers(gated));
            logs.assertLogged(Level.ERROR, "event=database_unavailable");
        }
    }

    private static boolean answers(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(5);
        } catch (SQLException e) {
            return false;
        }
    }

    private static HikariDataSource pool(String url) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername("postgres");
        pool.setPoolName("availability-test");
        pool.setMaximumPoolSize(2);
        pool.setConnectionTimeout(2_000);
        pool.setAllowPoolSuspension(true);
        return pool;
    }
}
