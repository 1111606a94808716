package dev.vigil.billing.readmodel;

import dev.vigil.billing.api.PaymentFailed;
import dev.vigil.billing.api.PlanChanged;
import dev.vigil.billing.api.SubscriptionCancelled;
import dev.vigil.billing.api.SubscriptionExpired;
import dev.vigil.billing.api.SubscriptionExpiring;
import dev.vigil.billing.api.SubscriptionRenewed;
import dev.vigil.billing.api.SubscriptionStarted;
import dev.vigil.billing.query.BillingCaches;
import dev.vigil.platform.axon.CachedReads;
import dev.vigil.platform.cache.CacheSpace;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * Builds {@code billing.subscription_view} from billing's events: one statement per event, each guarded by
 * the aggregate's sequence number, so a replayed or duplicate event changes nothing.
 */
@Component
@ProcessingGroup(SubscriptionViewProjection.PROCESSING_GROUP)
class SubscriptionViewProjection implements CachedReads {

    static final String PROCESSING_GROUP = "billing-subscription";

    private final SubscriptionViewRepository subscriptions;

    SubscriptionViewProjection(SubscriptionViewRepository subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Override
    public List<CacheSpace> spaces() {
        return List.of(BillingCaches.SUBSCRIPTION);
    }

    @ResetHandler
    void reset() {
        subscriptions.deleteAll();
    }

    @EventHandler
    void on(SubscriptionStarted event, @SequenceNumber long version) {
        subscriptions.started(event, version);
    }

    @EventHandler
    void on(PlanChanged event, @SequenceNumber long version) {
        subscriptions.planChanged(event, version);
    }

    @EventHandler
    void on(SubscriptionCancelled event, @SequenceNumber long version) {
        subscriptions.cancelled(event, version);
    }

    @EventHandler
    void on(SubscriptionRenewed event, @SequenceNumber long version) {
        subscriptions.renewed(event, version);
    }

    @EventHandler
    void on(PaymentFailed event, @SequenceNumber long version) {
        subscriptions.paymentFailed(event, version);
    }

    @EventHandler
    void on(SubscriptionExpiring event, @SequenceNumber long version) {
        subscriptions.expiring(event, version);
    }

    @EventHandler
    void on(SubscriptionExpired event, @SequenceNumber long version) {
        subscriptions.expired(event, version);
    }
}
