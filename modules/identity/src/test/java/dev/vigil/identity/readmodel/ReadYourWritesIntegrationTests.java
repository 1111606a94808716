package dev.vigil.identity.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.identity.IdentityTestApplication;
import dev.vigil.identity.api.RegisterUser;
import dev.vigil.platform.axon.ConsistentCommandGateway;
import dev.vigil.platform.id.TimeOrderedIds;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A command sent through {@link ConsistentCommandGateway} returns only after the read model has applied
 * its event, and the projection delay stays small because the processors are woken, not polling.
 * Prints the measured delay and wait percentiles (docs/projections.md).
 */
@SpringBootTest(classes = IdentityTestApplication.class, properties = "management.metrics.distribution.percentiles.vigil.projection=0.5,0.95,0.99")
class ReadYourWritesIntegrationTests {

    private static final int COMMANDS = 200;

    @Autowired
    ConsistentCommandGateway commands;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Test
    void everyCommandReturnsAfterItsReadRowCommittedAndNoWaitTimesOut() {
        for (int i = 0; i < COMMANDS; i++) {
            UUID userId = TimeOrderedIds.next();
            commands.send(new RegisterUser(userId, "ryow-" + i + "@example.org", "User " + i, "UTC"));
            assertThat(jdbc.sql("SELECT count(*) FROM identity.user_profile_view WHERE user_id = :id")
                    .param("id", userId).query(Long.class).single())
                    .as("profile row of command %d visible on return", i).isEqualTo(1L);
        }
        assertThat(meters.get("vigil.projection.wait.timeouts").counter().count()).isZero();

        Timer delay = meters.get("vigil.projection.delay").tag("processor", "identity-user-profile").timer();
        Timer wait = meters.get("vigil.projection.wait").timer();
        System.out.printf("projection over %d commands: delay p50=%.1fms p95=%.1fms p99=%.1fms max=%.1fms; "
                        + "command wait p95=%.1fms max=%.1fms%n", COMMANDS,
                percentile(delay, 0.5), percentile(delay, 0.95), percentile(delay, 0.99), delay.max(TimeUnit.MILLISECONDS),
                percentile(wait, 0.95), wait.max(TimeUnit.MILLISECONDS));
        assertThat(delay.count()).isGreaterThanOrEqualTo(COMMANDS);
    }

    @Test
    void aBatchOfCommandsWaitsOnceForAllOfThem() {
        long waitsBefore = meters.get("vigil.projection.wait").timer().count();
        java.util.List<UUID> users = commands.together(() -> {
            java.util.List<UUID> sent = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                UUID userId = TimeOrderedIds.next();
                commands.send(new RegisterUser(userId, "batch-" + i + "@example.org", "Batch " + i, "UTC"));
                sent.add(userId);
            }
            return sent;
        });
        assertThat(jdbc.sql("SELECT count(*) FROM identity.user_profile_view WHERE user_id IN (:ids)")
                .param("ids", users).query(Long.class).single()).isEqualTo(20L);
        assertThat(meters.get("vigil.projection.wait").timer().count()).isEqualTo(waitsBefore + 1);
    }

    private static double percentile(Timer timer, double percentile) {
        for (ValueAtPercentile value : timer.takeSnapshot().percentileValues()) {
            if (value.percentile() == percentile) {
                return value.value(TimeUnit.MILLISECONDS);
            }
        }
        return Double.NaN;
    }
}
