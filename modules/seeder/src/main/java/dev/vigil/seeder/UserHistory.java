package dev.vigil.seeder;

import dev.vigil.alerting.api.AlertCategory;
import dev.vigil.alerting.api.AlertDismissed;
import dev.vigil.alerting.api.AlertRaised;
import dev.vigil.alerting.api.AlertRead;
import dev.vigil.alerting.api.AlertSeverity;
import dev.vigil.alerting.api.AlertTitles;
import dev.vigil.alerting.api.AllAlertsMarkedRead;
import dev.vigil.alerting.api.MarkAllAlertsRead;
import dev.vigil.billing.api.PaymentFailed;
import dev.vigil.billing.api.SubscriptionExpiring;
import dev.vigil.identity.api.ProfileUpdated;
import dev.vigil.identity.api.UserRegistered;
import dev.vigil.monitoring.api.ExposureDetected;
import dev.vigil.monitoring.api.ExposureReappeared;
import dev.vigil.monitoring.api.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Everything one seeded user did and had happen, in event-store order: registration, billing, exposures, the
 * alerts alerting's policy raised for them (MEDIUM and up on detection, every reappearance, payment failures,
 * expiry notices) and what the user did with those alerts. Only events the aggregates would have emitted are
 * kept (reading an alert that "mark all read" already covered emits nothing), and sequence numbers are
 * given per aggregate in store order.
 */
final class UserHistory {

    private static final Severity ALERT_THRESHOLD = Severity.MEDIUM;

    private UserHistory() {
    }

    /** One source event's alert: the claim alerting's policy recorded. */
    record SourceClaim(UUID sourceEventId, UUID alertId) {
    }

    record UserSeed(int index, UUID userId, UserKind kind, List<SeedEvent> events, List<SourceClaim> claims) {
    }

    static UserSeed generate(long seed, int index) {
        Randoms random = Randoms.forUser(seed, index);
        UserKind kind = UserKind.of(index);
        Instant registeredAt = random.between(History.START, History.END.minus(Duration.ofDays(30)));
        UUID userId = random.timeOrderedId(registeredAt);
        List<SeedEvent> events = new ArrayList<>(identity(random, index, userId, registeredAt));
        events.addAll(SubscriptionHistory.of(random, userId, registeredAt));
        SourceNames names = new SourceNames(random);
        int exposures = kind.exposures(random);
        for (int i = 0; i < exposures; i++) {
            events.addAll(ExposureHistory.of(random, userId, registeredAt, names.next()));
        }
        List<SourceClaim> claims = new ArrayList<>();
        List<SeedEvent> alerts = raiseAlerts(random, userId, events, claims);
        events.addAll(alerts);
        events.addAll(readAlerts(random, userId, kind, registeredAt, alerts));
        return new UserSeed(index, userId, kind, inStoreOrder(events), claims);
    }

    private static List<SeedEvent> identity(Randoms random, int index, UUID userId, Instant registeredAt) {
        String aggregateId = userId.toString();
        List<SeedEvent> events = new ArrayList<>();
        events.add(SeedEvent.of("User", aggregateId, random.randomId(), registeredAt, new UserRegistered(userId,
                "user" + index + "@seed.vigil.dev", Names.displayName(random), random.pick(Names.TIME_ZONES), registeredAt)));
        if (random.chance(0.15)) {
            Instant at = random.between(registeredAt.plusSeconds(60), History.END);
            events.add(SeedEvent.of("User", aggregateId, random.randomId(), at,
                    new ProfileUpdated(userId, Names.displayName(random), random.pick(Names.TIME_ZONES), at)));
        }
        return events;
    }

    /** What alerting's policy raised: one alert per source event that calls for one, a moment after it. */
    private static List<SeedEvent> raiseAlerts(Randoms random, UUID userId, List<SeedEvent> sources,
            List<SourceClaim> claims) {
        List<SeedEvent> alerts = new ArrayList<>();
        for (SeedEvent source : sources) {
            Instant at = source.at().plusMillis(random.between(20, 3_000));
            UUID alertId = random.timeOrderedId(at);
            AlertRaised raised = switch (source.payload()) {
                case ExposureDetected e when e.severity().atLeast(ALERT_THRESHOLD) -> new AlertRaised(alertId, userId,
                        AlertCategory.NEW_EXPOSURE, severityOf(e.severity()), AlertTitles.newExposure(e.dataTypes(),
                        e.sourceName()), e.exposureId(), e.sourceName(), at);
                case ExposureReappeared e -> new AlertRaised(alertId, userId, AlertCategory.EXPOSURE_REAPPEARED,
                        severityOf(e.severity()), AlertTitles.exposureReappeared(e.sourceName()), e.exposureId(),
                        e.sourceName(), at);
                case PaymentFailed e -> new AlertRaised(alertId, userId, AlertCategory.PAYMENT_FAILED, AlertSeverity.HIGH,
                        AlertTitles.paymentFailed(e.plan()), null, null, at);
                case SubscriptionExpiring e -> new AlertRaised(alertId, userId, AlertCategory.SUBSCRIPTION_EXPIRING,
                        AlertSeverity.MEDIUM, AlertTitles.subscriptionExpiring(e.plan(), e.expiresAt()), null, null, at);
                default -> null;
            };
            if (raised != null && History.within(at)) {
                claims.add(new SourceClaim(source.eventId(), alertId));
                alerts.add(SeedEvent.of("Alert", alertId.toString(), random.randomId(), at, raised).causedBy(source));
            }
        }
        return alerts;
    }

    /** Reads and dismissals of single alerts, and a few "mark all read" presses over the user's lifetime. */
    private static List<SeedEvent> readAlerts(Randoms random, UUID userId, UserKind kind, Instant registeredAt,
            List<SeedEvent> alerts) {
        List<SeedEvent> events = new ArrayList<>();
        for (SeedEvent alert : alerts) {
            UUID alertId = UUID.fromString(alert.aggregateId());
            Instant readAt = alert.at();
            if (random.chance(0.25)) {
                readAt = random.after(alert.at(), Duration.ofMinutes(1), Duration.ofDays(14));
                events.add(SeedEvent.of("Alert", alert.aggregateId(), random.randomId(), readAt,
                        new AlertRead(alertId, userId, readAt)));
            }
            if (random.chance(0.1)) {
                Instant dismissedAt = random.after(readAt, Duration.ofMinutes(1), Duration.ofDays(30));
                events.add(SeedEvent.of("Alert", alert.aggregateId(), random.randomId(), dismissedAt,
                        new AlertDismissed(alertId, userId, dismissedAt)));
            }
        }
        String inbox = MarkAllAlertsRead.inboxIdOf(userId);
        for (int i = kind.markAllReads(random); i > 0; i--) {
            Instant at = random.between(registeredAt, History.END);
            events.add(SeedEvent.of("AlertInbox", inbox, random.randomId(), at, new AllAlertsMarkedRead(userId, at)));
        }
        events.removeIf(event -> !History.within(event.at()));
        return events;
    }

    /**
     * Time order (stable, so an aggregate's events keep their order), without the reads the Alert aggregate
     * would have refused as no-ops, numbered per aggregate.
     */
    private static List<SeedEvent> inStoreOrder(List<SeedEvent> events) {
        List<SeedEvent> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparing(SeedEvent::at));
        Set<UUID> unread = new HashSet<>();
        Map<String, Long> sequences = new HashMap<>();
        List<SeedEvent> kept = new ArrayList<>(sorted.size());
        for (SeedEvent event : sorted) {
            switch (event.payload()) {
                case AlertRaised e -> unread.add(e.alertId());
                case AlertRead e -> {
                    if (!unread.remove(e.alertId())) {
                        continue; // "mark all read" or a dismissal got there first: the aggregate emits nothing
                    }
                }
                case AlertDismissed e -> unread.remove(e.alertId());
                case AllAlertsMarkedRead e -> unread.clear();
                default -> { }
            }
            long sequence = sequences.merge(event.aggregateId(), 1L, Long::sum) - 1;
            kept.add(event.withSequence(sequence));
        }
        return kept;
    }

    private static AlertSeverity severityOf(Severity severity) {
        return AlertSeverity.valueOf(severity.name());
    }
}
