package dev.vigil.app.projections;

import dev.vigil.alerting.api.AlertCategory;
import dev.vigil.alerting.api.AlertRaised;
import dev.vigil.alerting.api.AlertRead;
import dev.vigil.alerting.api.AlertSeverity;
import dev.vigil.alerting.api.AllAlertsMarkedRead;
import dev.vigil.billing.api.Plan;
import dev.vigil.billing.api.SubscriptionStarted;
import dev.vigil.identity.api.UserRegistered;
import dev.vigil.monitoring.api.DataType;
import dev.vigil.monitoring.api.ExposureDetected;
import dev.vigil.monitoring.api.RemovalConfirmed;
import dev.vigil.monitoring.api.RemovalRequested;
import dev.vigil.monitoring.api.Severity;
import dev.vigil.monitoring.api.SourceKind;
import dev.vigil.platform.id.TimeOrderedIds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;

/**
 * A deterministic history of many users, written straight into the event store in the shape the modules'
 * aggregates produce (aggregate types, ids and sequence numbers), for measuring and checking rebuilds at
 * volume. Exposure alerts are LOW severity so that alerting's policy (MEDIUM and up) adds no commands.
 */
final class SyntheticHistory {

    private final Random random;
    private final Instant start = Instant.parse("2025-01-01T00:00:00Z");
    private long clock;

    SyntheticHistory(long seed) {
        this.random = new Random(seed);
    }

    /** One user's whole history, about 30 events on average. */
    List<DomainEventMessage<?>> nextUser() {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        UUID userId = TimeOrderedIds.next();
        events.add(event("User", userId.toString(), 0, new UserRegistered(userId, "u" + userId + "@example.org",
                "User " + events.size(), "UTC", tick())));
        events.add(event("Subscription", "subscription-" + userId, 0, new SubscriptionStarted(userId, Plan.PLUS,
                random.nextBoolean(), tick().plus(Duration.ofDays(30)), tick())));
        int exposures = 4 + random.nextInt(12);
        for (int i = 0; i < exposures; i++) {
            UUID exposureId = TimeOrderedIds.next();
            events.add(event("Exposure", exposureId.toString(), 0, new ExposureDetected(exposureId, userId,
                    "broker-" + random.nextInt(400), SourceKind.values()[random.nextInt(SourceKind.values().length)],
                    List.of(DataType.EMAIL, DataType.PHONE), Severity.LOW, tick(), tick())));
            if (random.nextInt(3) == 0) {
                events.add(event("Exposure", exposureId.toString(), 1, new RemovalRequested(exposureId, userId, tick())));
                events.add(event("Exposure", exposureId.toString(), 2, new RemovalConfirmed(exposureId, userId, tick())));
            }
            UUID alertId = TimeOrderedIds.next();
            events.add(event("Alert", alertId.toString(), 0, new AlertRaised(alertId, userId, AlertCategory.NEW_EXPOSURE,
                    AlertSeverity.LOW, "Your data was found", exposureId, "broker", tick())));
            if (random.nextBoolean()) {
                events.add(event("Alert", alertId.toString(), 1, new AlertRead(alertId, userId, tick())));
            }
        }
        events.add(event("AlertInbox", "alert-inbox-" + userId, 0, new AllAlertsMarkedRead(userId, tick())));
        return events;
    }

    private Instant tick() {
        clock += 1 + random.nextInt(1000);
        return start.plusMillis(clock);
    }

    private static DomainEventMessage<?> event(String type, String aggregateId, long sequence, Object payload) {
        return new GenericDomainEventMessage<>(type, aggregateId, sequence, payload);
    }
}
