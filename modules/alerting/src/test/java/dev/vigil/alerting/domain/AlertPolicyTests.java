package dev.vigil.alerting.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import dev.vigil.alerting.api.AlertCategory;
import dev.vigil.alerting.api.AlertSeverity;
import dev.vigil.alerting.api.AlertTitles;
import dev.vigil.alerting.api.RaiseAlert;
import dev.vigil.billing.api.PaymentFailed;
import dev.vigil.billing.api.Plan;
import dev.vigil.billing.api.SubscriptionExpiring;
import dev.vigil.billing.api.SubscriptionStatus;
import dev.vigil.monitoring.api.DataType;
import dev.vigil.monitoring.api.ExposureDetected;
import dev.vigil.monitoring.api.ExposureReappeared;
import dev.vigil.monitoring.api.Severity;
import dev.vigil.monitoring.api.SourceKind;
import dev.vigil.platform.testing.ExpectedLogs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The policy's rules, with a real (local) Axon command bus that records what it is sent, and claims in memory.
 */
class AlertPolicyTests {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    /** Axon's gateway logs a command that failed; one test makes it fail on purpose. */
    @RegisterExtension
    final ExpectedLogs failures = ExpectedLogs.from(DefaultCommandGateway.class);

    private final UUID userId = UUID.randomUUID();
    private final UUID exposureId = UUID.randomUUID();
    private final List<RaiseAlert> sent = new ArrayList<>();
    private final Map<String, UUID> claims = new HashMap<>();
    private SimpleCommandBus bus;

    @BeforeEach
    void setUp() {
        bus = SimpleCommandBus.builder().build();
        bus.subscribe(RaiseAlert.class.getName(), command -> {
            sent.add((RaiseAlert) command.getPayload());
            return null;
        });
    }

    @ParameterizedTest
    @EnumSource(value = Severity.class, names = {"MEDIUM", "HIGH", "CRITICAL"})
    void aNewExposureAtOrAboveTheDefaultThresholdRaisesAnAlertOfItsSeverity(Severity severity) {
        policy(Severity.MEDIUM).on(detected(severity), "event-1");

        assertThat(sent).singleElement().satisfies(alert -> {
            assertThat(alert.userId()).isEqualTo(userId);
            assertThat(alert.category()).isEqualTo(AlertCategory.NEW_EXPOSURE);
            assertThat(alert.severity().name()).isEqualTo(severity.name());
            assertThat(alert.title()).isEqualTo("Your email, phone number and date of birth found on Acme People Search");
            assertThat(alert.exposureId()).isEqualTo(exposureId);
            assertThat(alert.sourceName()).isEqualTo("Acme People Search");
            assertThat(alert.alertId()).isEqualTo(claims.get("event-1"));
        });
    }

    @Test
    void aNewExposureBelowTheThresholdRaisesNothing() {
        policy(Severity.MEDIUM).on(detected(Severity.LOW), "event-1");
        AlertPolicy strict = policy(Severity.HIGH);
        strict.on(detected(Severity.MEDIUM), "event-2");

        assertThat(sent).isEmpty();
        assertThat(claims).as("nothing claimed for events that raise nothing").isEmpty();

        strict.on(detected(Severity.HIGH), "event-3");
        assertThat(sent).singleElement().extracting(RaiseAlert::severity).isEqualTo(AlertSeverity.HIGH);
    }

    @Test
    void everyReappearingExposureRaisesAnAlertWhateverItsSeverity() {
        policy(Severity.CRITICAL).on(new ExposureReappeared(exposureId, userId, "Acme", Severity.LOW, NOW, NOW), "event-1");

        assertThat(sent).singleElement().satisfies(alert -> {
            assertThat(alert.category()).isEqualTo(AlertCategory.EXPOSURE_REAPPEARED);
            assertThat(alert.severity()).isEqualTo(AlertSeverity.LOW);
            assertThat(alert.title()).isEqualTo("Your data reappeared on Acme");
            assertThat(alert.exposureId()).isEqualTo(exposureId);
            assertThat(alert.sourceName()).isEqualTo("Acme");
        });
    }

    @Test
    void aFailedPaymentRaisesAHighAlert() {
        policy(Severity.MEDIUM).on(new PaymentFailed(userId, Plan.FAMILY, NOW.plusSeconds(86_400), "card declined", NOW),
                "event-1");

        assertThat(sent).singleElement().satisfies(alert -> {
            assertThat(alert.category()).isEqualTo(AlertCategory.PAYMENT_FAILED);
            assertThat(alert.severity()).isEqualTo(AlertSeverity.HIGH);
            assertThat(alert.title()).isEqualTo("Payment for your Family plan failed");
            assertThat(alert.exposureId()).isNull();
            assertThat(alert.sourceName()).isNull();
        });
    }

    @Test
    void anExpiringSubscriptionRaisesAMediumAlertNamingTheDay() {
        policy(Severity.MEDIUM).on(new SubscriptionExpiring(userId, Plan.PLUS, SubscriptionStatus.CANCELLED,
                Instant.parse("2026-12-04T23:30:00Z"), NOW), "event-1");

        assertThat(sent).singleElement().satisfies(alert -> {
            assertThat(alert.category()).isEqualTo(AlertCategory.SUBSCRIPTION_EXPIRING);
            assertThat(alert.severity()).isEqualTo(AlertSeverity.MEDIUM);
            assertThat(alert.title()).isEqualTo("Your Plus plan expires on 2026-12-04");
        });
    }

    @Test
    void eachSourceEventRaisesExactlyOneAlertHoweverOftenItIsHandled() {
        AlertPolicy policy = policy(Severity.LOW);
        for (int delivery = 0; delivery < 3; delivery++) {
            policy.on(detected(Severity.HIGH), "detected");
            policy.on(new ExposureReappeared(exposureId, userId, "Acme", Severity.LOW, NOW, NOW), "reappeared");
            policy.on(new PaymentFailed(userId, Plan.PLUS, NOW, "declined", NOW), "payment");
            policy.on(new SubscriptionExpiring(userId, Plan.PLUS, SubscriptionStatus.PAST_DUE, NOW, NOW), "expiring");
        }

        assertThat(sent).extracting(RaiseAlert::category).containsExactly(AlertCategory.NEW_EXPOSURE,
                AlertCategory.EXPOSURE_REAPPEARED, AlertCategory.PAYMENT_FAILED, AlertCategory.SUBSCRIPTION_EXPIRING);
        assertThat(sent).extracting(RaiseAlert::alertId).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(claims.values());
    }

    @Test
    void aFailedRaiseIsRethrownSoTheProcessorRollsBackAndRetries() {
        SimpleCommandBus failing = SimpleCommandBus.builder().build();
        failing.subscribe(RaiseAlert.class.getName(), command -> {
            throw new IllegalStateException("event store unavailable");
        });
        AlertPolicy policy = new AlertPolicy(DefaultCommandGateway.builder().commandBus(failing).build(),
                this::claim, UUID::randomUUID, Severity.MEDIUM);

        assertThatThrownBy(() -> policy.on(new PaymentFailed(userId, Plan.PLUS, NOW, "declined", NOW), "event-1"))
                .isInstanceOf(IllegalStateException.class).hasMessage("event store unavailable");
        failures.assertLogged(Level.WARN, "Command 'dev.vigil.alerting.api.RaiseAlert' resulted in");
    }

    @Test
    void aLongSourceNameIsShortenedToFitTheTitle() {
        String longName = "Broker ".repeat(60);
        policy(Severity.LOW).on(new ExposureReappeared(exposureId, userId, longName, Severity.LOW, NOW, NOW), "event-1");

        assertThat(sent).singleElement().satisfies(alert -> {
            assertThat(alert.title()).hasSizeBetween(AlertTitles.MAX_LENGTH - 10, AlertTitles.MAX_LENGTH).startsWith("Your data reappeared on Broker").endsWith("…");
            assertThat(alert.sourceName()).as("the row still carries the full name").isEqualTo(longName);
        });
    }

    private AlertPolicy policy(Severity threshold) {
        return new AlertPolicy(DefaultCommandGateway.builder().commandBus(bus).build(), this::claim,
                UUID::randomUUID, threshold);
    }

    private boolean claim(String sourceEventId, UUID alertId) {
        return claims.putIfAbsent(sourceEventId, alertId) == null;
    }

    private ExposureDetected detected(Severity severity) {
        return new ExposureDetected(exposureId, userId, "Acme People Search", SourceKind.PEOPLE_SEARCH,
                List.of(DataType.EMAIL, DataType.PHONE, DataType.DATE_OF_BIRTH), severity, NOW, NOW);
    }
}
