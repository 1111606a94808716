package dev.vigil.dashboard.readmodel;

import static dev.vigil.dashboard.readmodel.SampleEvents.detected;
import static dev.vigil.dashboard.readmodel.SampleEvents.raised;

import dev.vigil.alerting.api.AlertCategory;
import dev.vigil.alerting.api.AlertDismissed;
import dev.vigil.alerting.api.AlertRead;
import dev.vigil.alerting.api.AllAlertsMarkedRead;
import dev.vigil.billing.api.PaymentFailed;
import dev.vigil.billing.api.Plan;
import dev.vigil.billing.api.PlanChanged;
import dev.vigil.billing.api.SubscriptionCancelled;
import dev.vigil.billing.api.SubscriptionExpired;
import dev.vigil.billing.api.SubscriptionExpiring;
import dev.vigil.billing.api.SubscriptionRenewed;
import dev.vigil.billing.api.SubscriptionStarted;
import dev.vigil.billing.api.SubscriptionStatus;
import dev.vigil.identity.api.ProfileUpdated;
import dev.vigil.identity.api.UserRegistered;
import dev.vigil.monitoring.api.ExposureReappeared;
import dev.vigil.monitoring.api.RemovalConfirmed;
import dev.vigil.monitoring.api.RemovalFailed;
import dev.vigil.monitoring.api.RemovalRequested;
import dev.vigil.monitoring.api.Severity;
import dev.vigil.platform.id.TimeOrderedIds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Plausible event histories of one user, in the order the modules would emit them: a registration, a
 * subscription that may renew, fail, get cancelled and lapse, exposures that go through removal (and may
 * come back), alerts that get read, dismissed or marked read all at once. Seeded, so a failure repeats.
 */
final class RandomHistories {

    private static final Severity[] SEVERITIES = Severity.values();

    private final Random random;
    private Instant clock;

    RandomHistories(long seed, Instant start) {
        this.random = new Random(seed);
        this.clock = start;
    }

    List<Object> of(UUID user) {
        List<Object> events = new ArrayList<>();
        events.add(new UserRegistered(user, user + "@example.org", "User " + user, "UTC", tick()));
        if (random.nextBoolean()) {
            events.add(new ProfileUpdated(user, "Renamed " + user, "Europe/Berlin", tick()));
        }
        if (random.nextInt(10) < 7) {
            subscription(user, events);
        }
        List<UUID> exposures = new ArrayList<>();
        for (int i = random.nextInt(9); i > 0; i--) {
            UUID exposure = TimeOrderedIds.next();
            exposures.add(exposure);
            events.add(detected(user, exposure, severity(), tick()));
            removal(user, exposure, events);
        }
        List<UUID> alerts = new ArrayList<>();
        for (int i = random.nextInt(7); i > 0; i--) {
            UUID alert = TimeOrderedIds.next();
            alerts.add(alert);
            UUID about = exposures.isEmpty() ? null : exposures.get(random.nextInt(exposures.size()));
            events.add(raised(user, alert, about == null ? AlertCategory.PAYMENT_FAILED : AlertCategory.NEW_EXPOSURE,
                    about, tick()));
            switch (random.nextInt(4)) {
                case 0 -> events.add(new AlertRead(alert, user, tick()));
                case 1 -> events.add(new AlertDismissed(alert, user, tick()));
                case 2 -> events.add(new AllAlertsMarkedRead(user, tick()));
                default -> { } // stays unread
            }
        }
        if (!alerts.isEmpty() && random.nextBoolean()) {
            events.add(new AlertDismissed(alerts.get(random.nextInt(alerts.size())), user, tick()));
        }
        return events;
    }

    private void subscription(UUID user, List<Object> events) {
        Plan plan = random.nextBoolean() ? Plan.PLUS : Plan.FAMILY;
        Instant periodEnd = clock.plus(Duration.ofDays(30));
        events.add(new SubscriptionStarted(user, plan, random.nextBoolean(), periodEnd, tick()));
        for (int step = random.nextInt(5); step > 0; step--) {
            switch (random.nextInt(3)) {
                case 0 -> {
                    periodEnd = periodEnd.plus(Duration.ofDays(30));
                    events.add(new SubscriptionRenewed(user, plan, periodEnd, tick()));
                }
                case 1 -> {
                    Plan other = plan == Plan.PLUS ? Plan.FAMILY : Plan.PLUS;
                    events.add(new PlanChanged(user, plan, other, tick()));
                    plan = other;
                }
                default -> events.add(new PaymentFailed(user, plan, periodEnd, "card declined", tick()));
            }
        }
        if (random.nextBoolean()) {
            events.add(new SubscriptionExpiring(user, plan, SubscriptionStatus.ACTIVE, periodEnd, tick()));
            events.add(new SubscriptionCancelled(user, plan, periodEnd, tick()));
            if (random.nextBoolean()) {
                events.add(new SubscriptionExpired(user, plan, periodEnd));
            }
        }
    }

    private void removal(UUID user, UUID exposure, List<Object> events) {
        for (int attempt = random.nextInt(4); attempt > 0; attempt--) {
            events.add(new RemovalRequested(exposure, user, tick()));
            if (random.nextInt(3) == 0) {
                events.add(new RemovalFailed(exposure, user, "refused", tick()));
                continue;
            }
            events.add(new RemovalConfirmed(exposure, user, tick()));
            if (random.nextBoolean()) {
                events.add(new ExposureReappeared(exposure, user, "PeopleFinder", severity(), tick(), tick()));
            } else {
                return;
            }
        }
    }

    private Severity severity() {
        return SEVERITIES[random.nextInt(SEVERITIES.length)];
    }

    private Instant tick() {
        clock = clock.plusSeconds(1 + random.nextInt(600));
        return clock;
    }
}
