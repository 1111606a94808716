package dev.vigil.alerting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.vigil.alerting.api.AlertCategory;
import dev.vigil.alerting.api.AlertDismissed;
import dev.vigil.alerting.api.AlertRaised;
import dev.vigil.alerting.api.AlertRead;
import dev.vigil.alerting.api.AlertSeverity;
import dev.vigil.alerting.api.DismissAlert;
import dev.vigil.alerting.api.RaiseAlert;
import dev.vigil.alerting.api.ReadAlert;
import dev.vigil.platform.input.InvalidInput;
import dev.vigil.platform.testing.ExpectedLogs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.modelling.command.AbstractRepository;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AlertTests {

    /** Axon's own line for a command whose aggregate cannot be created or loaded; the tests expect the refusal. */
    @RegisterExtension
    final ExpectedLogs rejections = ExpectedLogs.from(AbstractRepository.class);

    private final UUID alertId = UUID.randomUUID();
    private final UUID userId = UUID.randomUUID();
    private final UUID exposureId = UUID.randomUUID();
    private final Instant raisedAt = Instant.parse("2026-11-27T10:00:00Z");
    private final List<UUID> locked = new ArrayList<>();
    private final Set<UUID> markedAllReadAfter = new HashSet<>();
    private AggregateTestFixture<Alert> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Alert.class);
        fixture.registerInjectableResource((UserAlertLock) locked::add);
        fixture.registerInjectableResource((MarkAllReadHistory) (user, alert) -> markedAllReadAfter.contains(alert));
    }

    @Test
    void raisingEmitsAlertRaisedUnderTheUsersLock() {
        fixture.givenNoPriorActivity()
                .when(new RaiseAlert(alertId, userId, AlertCategory.NEW_EXPOSURE, AlertSeverity.HIGH,
                        " Your email found on Acme ", exposureId, "Acme"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AlertRaised(alertId, userId, AlertCategory.NEW_EXPOSURE, AlertSeverity.HIGH,
                        "Your email found on Acme", exposureId, "Acme", fixture.currentTime()));
        assertThat(locked).containsExactly(userId);
    }

    @Test
    void billingAlertsCarryNoExposure() {
        fixture.givenNoPriorActivity()
                .when(new RaiseAlert(alertId, userId, AlertCategory.PAYMENT_FAILED, AlertSeverity.HIGH,
                        "Payment for your Plus plan failed", null, null))
                .expectEvents(new AlertRaised(alertId, userId, AlertCategory.PAYMENT_FAILED, AlertSeverity.HIGH,
                        "Payment for your Plus plan failed", null, null, fixture.currentTime()));
    }

    @Test
    void rejectsAnIncompleteOrInconsistentAlert() {
        List<RaiseAlert> invalid = List.of(
                new RaiseAlert(alertId, userId, AlertCategory.PAYMENT_FAILED, AlertSeverity.HIGH, " ", null, null),
                new RaiseAlert(alertId, userId, AlertCategory.PAYMENT_FAILED, AlertSeverity.HIGH, "x".repeat(201), null, null),
                new RaiseAlert(alertId, null, AlertCategory.PAYMENT_FAILED, AlertSeverity.HIGH, "t", null, null),
                new RaiseAlert(alertId, userId, AlertCategory.PAYMENT_FAILED, null, "t", null, null),
                new RaiseAlert(alertId, userId, AlertCategory.NEW_EXPOSURE, AlertSeverity.LOW, "t", null, "Acme"),
                new RaiseAlert(alertId, userId, AlertCategory.EXPOSURE_REAPPEARED, AlertSeverity.LOW, "t", exposureId, null),
                new RaiseAlert(alertId, userId, AlertCategory.SUBSCRIPTION_EXPIRING, AlertSeverity.LOW, "t", exposureId, "Acme"));
        for (RaiseAlert command : invalid) {
            fixture.givenNoPriorActivity().when(command)
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }
        assertThat(locked).isEmpty();
        assertThat(rejections.messages(Level.WARN)).hasSize(invalid.size())
                .allSatisfy(line -> assertThat(line).contains("while trying to create an aggregate"));
    }

    /** Text the alert list could not store; the policy only copies checked text, so this guards against a bug. */
    @Test
    void refusesATitleOrSourceNameTheTextPolicyRefuses() {
        List<RaiseAlert> invalid = List.of(
                new RaiseAlert(alertId, userId, AlertCategory.PAYMENT_FAILED, AlertSeverity.HIGH, "Pay\u0000ment", null, null),
                new RaiseAlert(alertId, userId, AlertCategory.PAYMENT_FAILED, AlertSeverity.HIGH, "Pay\nment", null, null),
                new RaiseAlert(alertId, userId, AlertCategory.NEW_EXPOSURE, AlertSeverity.LOW, "Found \uD83D", exposureId, "Acme"),
                new RaiseAlert(alertId, userId, AlertCategory.NEW_EXPOSURE, AlertSeverity.LOW, "Found", exposureId, "Ac\u0000me"),
                new RaiseAlert(alertId, userId, AlertCategory.NEW_EXPOSURE, AlertSeverity.LOW, "Found", exposureId, "\uDC00"),
                new RaiseAlert(alertId, userId, AlertCategory.NEW_EXPOSURE, AlertSeverity.LOW, "Found", exposureId, "x".repeat(201)));
        for (RaiseAlert command : invalid) {
            fixture.givenNoPriorActivity().when(command)
                    .expectException(InvalidInput.class)
                    .expectNoEvents();
        }
        assertThat(locked).isEmpty();
        assertThat(rejections.messages(Level.WARN)).hasSize(invalid.size());
    }

    @Test
    void aTitleOfTwoHundredEmojiFits() {
        String title = "\uD83D\uDD14".repeat(200);
        fixture.givenNoPriorActivity()
                .when(new RaiseAlert(alertId, userId, AlertCategory.PAYMENT_FAILED, AlertSeverity.HIGH, title, null, null))
                .expectEvents(new AlertRaised(alertId, userId, AlertCategory.PAYMENT_FAILED, AlertSeverity.HIGH, title,
                        null, null, fixture.currentTime()));
    }

    @Test
    void readingAnUnreadAlertEmitsAlertRead() {
        fixture.given(raised())
                .when(new ReadAlert(alertId, userId))
                .expectEvents(new AlertRead(alertId, userId, fixture.currentTime()));
        assertThat(locked).containsExactly(userId);
    }

    @Test
    void readingAReadAlertAgainChangesNothing() {
        fixture.given(raised(), new AlertRead(alertId, userId, raisedAt.plusSeconds(5)))
                .when(new ReadAlert(alertId, userId))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void readingADismissedAlertChangesNothing() {
        fixture.given(raised(), new AlertDismissed(alertId, userId, raisedAt.plusSeconds(5)))
                .when(new ReadAlert(alertId, userId))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void readingAnAlertThatMarkAllReadCoveredChangesNothing() {
        markedAllReadAfter.add(alertId);
        fixture.given(raised())
                .when(new ReadAlert(alertId, userId))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        assertThat(locked).as("decided under the lock").containsExactly(userId);
    }

    @Test
    void dismissingEmitsAlertDismissedWhetherReadOrNot() {
        fixture.given(raised())
                .when(new DismissAlert(alertId, userId))
                .expectEvents(new AlertDismissed(alertId, userId, fixture.currentTime()));
        fixture.given(raised(), new AlertRead(alertId, userId, raisedAt.plusSeconds(5)))
                .when(new DismissAlert(alertId, userId))
                .expectEvents(new AlertDismissed(alertId, userId, fixture.currentTime()));
    }

    @Test
    void dismissingTwiceChangesNothing() {
        fixture.given(raised(), new AlertDismissed(alertId, userId, raisedAt.plusSeconds(5)))
                .when(new DismissAlert(alertId, userId))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anotherUsersAlertIsNotFound() {
        UUID stranger = UUID.randomUUID();
        fixture.given(raised())
                .when(new ReadAlert(alertId, stranger))
                .expectException(AlertNotFound.class)
                .expectExceptionMessage("alert " + alertId + " not found")
                .expectNoEvents();
        fixture.given(raised())
                .when(new DismissAlert(alertId, stranger))
                .expectException(AlertNotFound.class)
                .expectNoEvents();
    }

    private AlertRaised raised() {
        return new AlertRaised(alertId, userId, AlertCategory.NEW_EXPOSURE, AlertSeverity.HIGH, "Your email found on Acme",
                exposureId, "Acme", raisedAt);
    }
}
