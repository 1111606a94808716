package dev.vigil.alerting.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.vigil.alerting.api.AllAlertsMarkedRead;
import dev.vigil.alerting.api.MarkAllAlertsRead;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A user's alerts as a whole, one per user (id {@code "alert-inbox-" + userId}), created on first use. It does
 * not list the alerts: "mark all read" is one event that applies to every alert of the user still unread when it
 * is processed, so its cost does not grow with the number of alerts.
 */
@Aggregate
public class AlertInbox {

    @AggregateIdentifier
    private String inboxId;

    protected AlertInbox() {
        // for Axon: event sourcing and CREATE_IF_MISSING
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(MarkAllAlertsRead command, UserAlertLock lock) {
        if (command.userId() == null) {
            throw new IllegalArgumentException("userId is required");
        }
        lock.lock(command.userId());
        apply(new AllAlertsMarkedRead(command.userId(), Instant.now(GenericEventMessage.clock)));
    }

    @EventSourcingHandler
    void on(AllAlertsMarkedRead event) {
        this.inboxId = MarkAllAlertsRead.inboxIdOf(event.userId());
    }
}
