package dev.vigil.billing.domain;

import static dev.vigil.billing.api.SubscriptionStatus.ACTIVE;
import static dev.vigil.billing.api.SubscriptionStatus.CANCELLED;
import static dev.vigil.billing.api.SubscriptionStatus.EXPIRED;
import static dev.vigil.billing.api.SubscriptionStatus.PAST_DUE;
import static dev.vigil.billing.api.SubscriptionStatus.TRIALING;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.vigil.billing.api.CancelSubscription;
import dev.vigil.billing.api.ChangePlan;
import dev.vigil.billing.api.Expire;
import dev.vigil.billing.api.NoticeExpiry;
import dev.vigil.billing.api.PaymentFailed;
import dev.vigil.billing.api.Plan;
import dev.vigil.billing.api.PlanChanged;
import dev.vigil.billing.api.RecordPaymentFailure;
import dev.vigil.billing.api.RenewSubscription;
import dev.vigil.billing.api.StartSubscription;
import dev.vigil.billing.api.SubscriptionCancelled;
import dev.vigil.billing.api.SubscriptionExpired;
import dev.vigil.billing.api.SubscriptionExpiring;
import dev.vigil.billing.api.SubscriptionId;
import dev.vigil.billing.api.SubscriptionRenewed;
import dev.vigil.billing.api.SubscriptionStarted;
import dev.vigil.billing.api.SubscriptionStatus;
import dev.vigil.platform.input.InstantPolicy;
import dev.vigil.platform.input.TextPolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A user's subscription, event-sourced, one per user ({@link SubscriptionId}). After it has EXPIRED the
 * same aggregate starts again, so a user's whole billing history is one stream.
 * <p>
 * Commands that would change nothing (the same plan, a second cancellation, a renewal that does not move
 * the period end, a second payment failure, an early or repeated notice or expiry) emit no event: retried
 * webhooks and two lifecycle jobs running at once are harmless.
 * <p>
 * What a caller gives it (a renewal's period end, a payment failure's reason) passes the platform's input policies
 * first, before any status check, whoever sent the command: an event a projection cannot write is never stored.
 */
@Aggregate
public class Subscription {

    /** The longest payment failure reason kept, in characters (code points). */
    public static final int MAX_PAYMENT_FAILURE_REASON_LENGTH = 200;

    static final Duration TRIAL_PERIOD = Duration.ofDays(14);
    static final int PAID_PERIOD_MONTHS = 1;

    /** Subscriptions that end at their period end unless the provider renews them. */
    private static final Set<SubscriptionStatus> LAPSING = EnumSet.of(TRIALING, PAST_DUE, CANCELLED);

    @AggregateIdentifier
    private String subscriptionId;
    private UUID userId;
    private Plan plan;
    private SubscriptionStatus status;
    private Instant currentPeriodEnd;
    /** The period end a {@link SubscriptionExpiring} was published for, so it is published once per period. */
    private Instant noticedPeriodEnd;

    protected Subscription() {
        // for Axon: event sourcing, and the first StartSubscription (created if missing)
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(StartSubscription command, KnownUsers users) {
        if (status != null && status != EXPIRED) {
            throw new SubscriptionAlreadyStarted(command.userId(), status);
        }
        if (!users.isRegistered(command.userId())) {
            throw new UnknownUser(command.userId());
        }
        Instant now = now();
        Instant periodEnd = command.trial()
                ? now.plus(TRIAL_PERIOD)
                : now.atOffset(ZoneOffset.UTC).plusMonths(PAID_PERIOD_MONTHS).toInstant();
        apply(new SubscriptionStarted(command.userId(), command.plan(), command.trial(), periodEnd, now));
    }

    @CommandHandler
    void handle(ChangePlan command) {
        rejectIfExpired("change the plan of");
        if (command.plan() != plan) {
            apply(new PlanChanged(userId, plan, command.plan(), now()));
        }
    }

    @CommandHandler
    void handle(CancelSubscription command) {
        rejectIfExpired("cancel");
        if (status != CANCELLED) {
            apply(new SubscriptionCancelled(userId, plan, currentPeriodEnd, now()));
        }
    }

    @CommandHandler
    void handle(RenewSubscription command) {
        Instant periodEnd = InstantPolicy.require("periodEnd", command.periodEnd());
        rejectIfExpired("renew");
        if (periodEnd.isAfter(currentPeriodEnd)) {
            apply(new SubscriptionRenewed(userId, plan, periodEnd, now()));
        }
    }

    @CommandHandler
    void handle(RecordPaymentFailure command) {
        String reason = TextPolicy.require("reason", command.reason(), MAX_PAYMENT_FAILURE_REASON_LENGTH);
        rejectIfExpired("record a payment failure for");
        if (status == CANCELLED) {
            // nothing is collected for a cancelled subscription: a late failure must not undo the cancellation
            throw new SubscriptionStatusConflict("record a payment failure for", status);
        }
        if (status != PAST_DUE) {
            apply(new PaymentFailed(userId, plan, currentPeriodEnd, reason, now()));
        }
    }

    @CommandHandler
    void handle(NoticeExpiry command) {
        Instant now = now();
        if (LAPSING.contains(status) && !currentPeriodEnd.equals(noticedPeriodEnd) && now.isBefore(currentPeriodEnd)) {
            apply(new SubscriptionExpiring(userId, plan, status, currentPeriodEnd, now));
        }
    }

    @CommandHandler
    void handle(Expire command) {
        Instant now = now();
        if (status != EXPIRED && !now.isBefore(currentPeriodEnd)) {
            apply(new SubscriptionExpired(userId, plan, now));
        }
    }

    @EventSourcingHandler
    void on(SubscriptionStarted event) {
        subscriptionId = SubscriptionId.of(event.userId());
        userId = event.userId();
        plan = event.plan();
        status = event.trial() ? TRIALING : ACTIVE;
        currentPeriodEnd = event.currentPeriodEnd();
        noticedPeriodEnd = null;
    }

    @EventSourcingHandler
    void on(PlanChanged event) {
        plan = event.plan();
    }

    @EventSourcingHandler
    void on(SubscriptionCancelled event) {
        status = CANCELLED;
    }

    @EventSourcingHandler
    void on(SubscriptionRenewed event) {
        status = ACTIVE;
        currentPeriodEnd = event.currentPeriodEnd();
    }

    @EventSourcingHandler
    void on(PaymentFailed event) {
        status = PAST_DUE;
    }

    @EventSourcingHandler
    void on(SubscriptionExpiring event) {
        noticedPeriodEnd = event.expiresAt();
    }

    @EventSourcingHandler
    void on(SubscriptionExpired event) {
        status = EXPIRED;
    }

    private void rejectIfExpired(String action) {
        if (status == EXPIRED) {
            throw new SubscriptionStatusConflict(action, status);
        }
    }

    /** Event time, to the microsecond: what PostgreSQL keeps, so events and read rows carry the same instants. */
    private static Instant now() {
        return Instant.now(GenericEventMessage.clock).truncatedTo(ChronoUnit.MICROS);
    }
}
