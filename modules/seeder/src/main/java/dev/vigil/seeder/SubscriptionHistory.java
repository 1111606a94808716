package dev.vigil.seeder;

import dev.vigil.billing.api.PaymentFailed;
import dev.vigil.billing.api.Plan;
import dev.vigil.billing.api.PlanChanged;
import dev.vigil.billing.api.SubscriptionCancelled;
import dev.vigil.billing.api.SubscriptionExpired;
import dev.vigil.billing.api.SubscriptionExpiring;
import dev.vigil.billing.api.SubscriptionId;
import dev.vigil.billing.api.SubscriptionRenewed;
import dev.vigil.billing.api.SubscriptionStarted;
import dev.vigil.billing.api.SubscriptionStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A user's billing history, walked period by period as billing's aggregate and lifecycle job would have
 * decided it: trials that convert or lapse, renewals, plan changes, payment failures (some recovered),
 * cancellations, expiries, restarts after an expiry. The walk stops at {@link History#END}, so every state
 * (trialing, active, past due, cancelled, expired) is somebody's current one.
 */
final class SubscriptionHistory {

    private static final List<Plan> PLANS = List.of(Plan.FREE, Plan.PLUS, Plan.FAMILY);
    private static final List<String> FAILURES = List.of("card declined", "insufficient funds", "card expired",
            "bank refused the charge");
    private static final Duration NOTICE_AHEAD = Duration.ofDays(3);

    private final Randoms random;
    private final UUID userId;
    private final String aggregateId;
    private final List<SeedEvent> events = new ArrayList<>();
    private Instant last;
    private Plan plan;
    private SubscriptionStatus status;
    private Instant periodEnd;

    private SubscriptionHistory(Randoms random, UUID userId, Instant registeredAt) {
        this.random = random;
        this.userId = userId;
        this.aggregateId = SubscriptionId.of(userId);
        this.last = registeredAt;
    }

    static List<SeedEvent> of(Randoms random, UUID userId, Instant registeredAt) {
        SubscriptionHistory history = new SubscriptionHistory(random, userId, registeredAt);
        if (random.chance(0.88)) {
            history.walk(random.after(registeredAt, Duration.ofMinutes(5), Duration.ofDays(20)));
        }
        return history.events;
    }

    private void walk(Instant startAt) {
        Instant at = startAt;
        while (start(at)) {
            Instant expiredAt = livePeriods();
            if (expiredAt == null || !random.chance(0.3)) {
                return;
            }
            at = random.after(expiredAt, Duration.ofDays(5), Duration.ofDays(120));
        }
    }

    private boolean start(Instant at) {
        plan = random.weighted(PLANS, 35, 45, 20);
        boolean trial = random.chance(0.35);
        periodEnd = trial ? at.plus(Duration.ofDays(14)) : oneMonthAfter(at);
        status = trial ? SubscriptionStatus.TRIALING : SubscriptionStatus.ACTIVE;
        return emit(at, new SubscriptionStarted(userId, plan, trial, periodEnd, at));
    }

    /** Period after period until it expires (returns when) or the history ends (returns null). */
    private Instant livePeriods() {
        while (true) {
            if (status == SubscriptionStatus.ACTIVE && random.chance(0.05) && !changePlan()) {
                return null;
            }
            double outcome = random.unit();
            boolean lapses = status == SubscriptionStatus.TRIALING ? outcome >= 0.6 : outcome >= 0.86;
            if (!lapses) {
                if (!renew(periodEnd.minus(Duration.ofMinutes(random.between(1, 120))))) {
                    return null;
                }
                continue;
            }
            if (status == SubscriptionStatus.ACTIVE && outcome < 0.93) {
                if (!failPayment()) {
                    return null;
                }
                if (!notice()) {
                    return null;
                }
                if (random.chance(0.55)) {
                    if (!renew(periodEnd.minus(Duration.ofHours(random.between(2, 40))))) {
                        return null;
                    }
                    continue;
                }
            } else if (status == SubscriptionStatus.ACTIVE) {
                if (!cancel() || !notice()) {
                    return null;
                }
            } else if (!notice()) {
                return null;
            }
            Instant expiredAt = later(periodEnd.plus(Duration.ofSeconds(random.between(5, 120))));
            return emit(expiredAt, new SubscriptionExpired(userId, plan, expiredAt)) ? expiredAt : null;
        }
    }

    private boolean changePlan() {
        Instant at = later(random.between(last, periodEnd.minus(Duration.ofDays(6))));
        Plan next = plan;
        while (next == plan) {
            next = random.pick(PLANS);
        }
        Plan previous = plan;
        plan = next;
        return emit(at, new PlanChanged(userId, previous, next, at));
    }

    private boolean renew(Instant candidate) {
        Instant at = later(candidate);
        periodEnd = oneMonthAfter(periodEnd);
        status = SubscriptionStatus.ACTIVE;
        return emit(at, new SubscriptionRenewed(userId, plan, periodEnd, at));
    }

    private boolean failPayment() {
        Instant at = later(periodEnd.minus(Duration.ofDays(5)));
        status = SubscriptionStatus.PAST_DUE;
        return emit(at, new PaymentFailed(userId, plan, periodEnd, random.pick(FAILURES), at));
    }

    private boolean cancel() {
        Instant at = later(random.between(periodEnd.minus(Duration.ofDays(25)), periodEnd.minus(Duration.ofDays(4))));
        status = SubscriptionStatus.CANCELLED;
        return emit(at, new SubscriptionCancelled(userId, plan, periodEnd, at));
    }

    /** The lifecycle job's notice, once per period, some time in the three days before the period ends. */
    private boolean notice() {
        Instant at = later(random.between(periodEnd.minus(NOTICE_AHEAD), periodEnd.minus(Duration.ofHours(1))));
        return emit(at, new SubscriptionExpiring(userId, plan, status, periodEnd, at));
    }

    /** Keeps the aggregate's events in time order when a drawn time falls before the previous event. */
    private Instant later(Instant candidate) {
        return candidate.isAfter(last) ? candidate : last.plusSeconds(1);
    }

    private boolean emit(Instant at, Object payload) {
        if (!History.within(at)) {
            return false;
        }
        last = at;
        events.add(SeedEvent.of("Subscription", aggregateId, random.randomId(), at, payload));
        return true;
    }

    private static Instant oneMonthAfter(Instant at) {
        return at.atOffset(ZoneOffset.UTC).plusMonths(1).toInstant();
    }
}
