package dev.vigil.billing.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigil.billing.BillingTestApplication;
import dev.vigil.billing.EventClock;
import dev.vigil.billing.IdentityEvents;
import dev.vigil.billing.api.CancelSubscription;
import dev.vigil.billing.api.Plan;
import dev.vigil.billing.api.StartSubscription;
import dev.vigil.platform.axon.ConsistentCommandGateway;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * With the schedule on, the job runs by itself at the configured interval, at the event clock's "now".
 */
@DirtiesContext // a configuration of its own: close it (and its pool) when done
@SpringBootTest(classes = BillingTestApplication.class, properties = {
        "vigil.billing.lifecycle.enabled=true", "vigil.billing.lifecycle.interval=1s"})
class SubscriptionLifecycleScheduleIntegrationTests {

    @Autowired
    ConsistentCommandGateway commands;

    @Autowired
    EventStore events;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theScheduledJobExpiresASubscriptionOnceItsPeriodHasEnded() {
        UUID userId = IdentityEvents.registerUser(events, jdbc);
        commands.send(new StartSubscription(userId, Plan.PLUS, true));
        commands.send(new CancelSubscription(userId));
        Instant end = jdbc.sql("SELECT current_period_end FROM billing.subscription_view WHERE user_id = :id")
                .param("id", userId).query(OffsetDateTime.class).single().toInstant();

        EventClock.at(end.plusSeconds(1), () -> await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(jdbc.sql("SELECT status FROM billing.subscription_view WHERE user_id = :id")
                        .param("id", userId).query(String.class).single()).isEqualTo("EXPIRED")));
    }
}
