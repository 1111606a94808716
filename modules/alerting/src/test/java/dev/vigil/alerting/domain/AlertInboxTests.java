package dev.vigil.alerting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.alerting.api.AllAlertsMarkedRead;
import dev.vigil.alerting.api.MarkAllAlertsRead;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AlertInboxTests {

    private final UUID userId = UUID.randomUUID();
    private final List<UUID> locked = new ArrayList<>();
    private AggregateTestFixture<AlertInbox> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AlertInbox.class);
        fixture.registerInjectableResource((UserAlertLock) locked::add);
    }

    @Test
    void theFirstMarkAllReadCreatesTheInboxWithOneEvent() {
        fixture.givenNoPriorActivity()
                .when(new MarkAllAlertsRead(userId))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AllAlertsMarkedRead(userId, fixture.currentTime()))
                .expectState(inbox -> assertThat(inbox).isNotNull());
        assertThat(locked).containsExactly(userId);
    }

    @Test
    void everyLaterMarkAllReadIsOneEventMore() {
        fixture.given(new AllAlertsMarkedRead(userId, Instant.parse("2026-11-01T00:00:00Z")))
                .when(new MarkAllAlertsRead(userId))
                .expectEvents(new AllAlertsMarkedRead(userId, fixture.currentTime()));
    }

    @Test
    void theInboxIdIsPrefixedSoItCannotCollideWithAUserOrAlertId() {
        assertThat(new MarkAllAlertsRead(userId).inboxId()).isEqualTo("alert-inbox-" + userId);
    }
}
