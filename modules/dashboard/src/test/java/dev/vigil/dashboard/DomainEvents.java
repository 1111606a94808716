package dev.vigil.dashboard;

import dev.vigil.alerting.api.AlertDismissed;
import dev.vigil.alerting.api.AlertRaised;
import dev.vigil.alerting.api.AlertRead;
import dev.vigil.alerting.api.AllAlertsMarkedRead;
import dev.vigil.billing.api.PaymentFailed;
import dev.vigil.billing.api.PlanChanged;
import dev.vigil.billing.api.SubscriptionCancelled;
import dev.vigil.billing.api.SubscriptionExpired;
import dev.vigil.billing.api.SubscriptionExpiring;
import dev.vigil.billing.api.SubscriptionRenewed;
import dev.vigil.billing.api.SubscriptionStarted;
import dev.vigil.identity.api.ProfileUpdated;
import dev.vigil.identity.api.UserRegistered;
import dev.vigil.monitoring.api.ExposureDetected;
import dev.vigil.monitoring.api.ExposureReappeared;
import dev.vigil.monitoring.api.RemovalConfirmed;
import dev.vigil.monitoring.api.RemovalFailed;
import dev.vigil.monitoring.api.RemovalRequested;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;

/**
 * Appends other modules' events to the event store the way their aggregates do: in a unit of work bound to
 * a database transaction, as domain events of the aggregate that emits them, numbered per aggregate.
 * Aggregate ids follow the modules: the user ({@code userId}), the subscription ({@code "subscription-" +
 * userId}), the exposure and the alert (their own ids), the alert inbox ({@code "alert-inbox-" + userId}).
 */
public final class DomainEvents {

    private final EventStore eventStore;
    private final TransactionManager transactions;
    private final ConcurrentMap<String, AtomicLong> nextSequence = new ConcurrentHashMap<>();

    public DomainEvents(EventStore eventStore, TransactionManager transactions) {
        this.eventStore = eventStore;
        this.transactions = transactions;
    }

    /** Appends {@code payloads} in this order, all in one transaction. */
    public void publish(Object... payloads) {
        publish(List.of(payloads));
    }

    public void publish(List<?> payloads) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactions);
        unitOfWork.execute(() -> payloads.forEach(payload -> eventStore.publish(numbered(payload))));
    }

    /** {@code payload} as the next event of its aggregate, without appending it: for handing to handlers directly. */
    public GenericDomainEventMessage<Object> numbered(Object payload) {
        Aggregate aggregate = aggregateOf(payload);
        long sequence = nextSequence.computeIfAbsent(aggregate.id(), id -> new AtomicLong()).getAndIncrement();
        return new GenericDomainEventMessage<>(aggregate.type(), aggregate.id(), sequence, payload);
    }

    private static Aggregate aggregateOf(Object payload) {
        return switch (payload) {
            case UserRegistered e -> user(e.userId());
            case ProfileUpdated e -> user(e.userId());
            case SubscriptionStarted e -> subscription(e.userId());
            case PlanChanged e -> subscription(e.userId());
            case SubscriptionRenewed e -> subscription(e.userId());
            case PaymentFailed e -> subscription(e.userId());
            case SubscriptionCancelled e -> subscription(e.userId());
            case SubscriptionExpiring e -> subscription(e.userId());
            case SubscriptionExpired e -> subscription(e.userId());
            case ExposureDetected e -> exposure(e.exposureId());
            case ExposureReappeared e -> exposure(e.exposureId());
            case RemovalRequested e -> exposure(e.exposureId());
            case RemovalConfirmed e -> exposure(e.exposureId());
            case RemovalFailed e -> exposure(e.exposureId());
            case AlertRaised e -> alert(e.alertId());
            case AlertRead e -> alert(e.alertId());
            case AlertDismissed e -> alert(e.alertId());
            case AllAlertsMarkedRead e -> new Aggregate("AlertInbox", "alert-inbox-" + e.userId());
            default -> throw new IllegalArgumentException("not an event dashboard listens to: " + payload);
        };
    }

    private static Aggregate user(UUID userId) {
        return new Aggregate("User", userId.toString());
    }

    private static Aggregate subscription(UUID userId) {
        return new Aggregate("Subscription", "subscription-" + userId);
    }

    private static Aggregate exposure(UUID exposureId) {
        return new Aggregate("Exposure", exposureId.toString());
    }

    private static Aggregate alert(UUID alertId) {
        return new Aggregate("Alert", alertId.toString());
    }

    private record Aggregate(String type, String id) {
    }
}
