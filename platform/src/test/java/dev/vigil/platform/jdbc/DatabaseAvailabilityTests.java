package dev.vigil.platform.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import dev.vigil.platform.testing.ExpectedLogs;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.actuate.health.Status;

/** The probe's verdicts, one probe at a time, with connection outcomes the test chooses. */
class DatabaseAvailabilityTests {

    @RegisterExtension
    final ExpectedLogs logs = ExpectedLogs.from(DatabaseAvailability.class);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AtomicReference<SQLException> connectFailure = new AtomicReference<>();
    private final DatabaseAvailability availability = new DatabaseAvailability(() -> {
        throw connectFailure.get();
    }, Duration.ofHours(1), Duration.ofHours(1), Duration.ofSeconds(1), listener(), meters);
    private final List<String> told = new ArrayList<>();

    @AfterEach
    void close() {
        availability.close();
    }

    @Test
    void aRefusedConnectionMakesTheDatabaseUnavailableAndRequestsAreRefusedAtOnceAndCounted() {
        connectFailure.set(new SQLException("Connection to 127.0.0.1:5999 refused", "08001"));

        availability.probe();

        assertThat(availability.isAvailable()).isFalse();
        assertThat(availability.lastFailure()).contains("refused");
        assertThat(meters.get("vigil.database.available").gauge().value()).isZero();
        assertThatThrownBy(availability::checkAvailable).isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("refused");
        assertThat(meters.get("vigil.database.unavailable").counter().count()).isEqualTo(1);
        assertThat(new DatabaseHealthIndicator(availability).health().getStatus()).isEqualTo(Status.DOWN);
        logs.assertLogged(Level.ERROR, "event=database_unavailable");
        assertThat(told).containsExactly("unavailable");
    }

    @Test
    void aServerShuttingDownCountsAsGoneToo() {
        connectFailure.set(new SQLException("FATAL: the database system is shutting down", "57P03"));

        availability.probe();

        assertThat(availability.isAvailable()).isFalse();
        logs.assertLogged(Level.ERROR, "event=database_unavailable");
    }

    @Test
    void aFailureThatIsNotAboutReachingTheServerLeavesTheVerdictAsItWas() {
        connectFailure.set(new SQLException("FATAL: database \"gone\" does not exist", "3D000"));
        availability.probe();
        connectFailure.set(new SQLException("FATAL: sorry, too many clients already", "53300"));
        availability.probe();

        assertThat(availability.isAvailable()).isTrue();
        assertThat(meters.get("vigil.database.available").gauge().value()).isEqualTo(1);
        assertThat(new DatabaseHealthIndicator(availability).health().getStatus()).isEqualTo(Status.UP);
        assertThat(told).isEmpty();
    }

    private DatabaseAvailability.Listener listener() {
        return new DatabaseAvailability.Listener() {
            @Override
            public void unavailable() {
                told.add("unavailable");
            }

            @Override
            public void available() {
                told.add("available");
            }
        };
    }
}
