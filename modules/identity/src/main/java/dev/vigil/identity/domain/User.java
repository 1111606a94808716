package dev.vigil.identity.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.vigil.identity.api.RegisterUser;
import dev.vigil.identity.api.UserRegistered;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A registered user, event-sourced.
 */
@Aggregate
public class User {

    @AggregateIdentifier
    private UUID userId;

    protected User() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public User(RegisterUser command, EmailRegistry emails) {
        EmailAddress email = EmailAddress.of(command.email());
        ZoneId zone = ZoneId.of(command.timeZone());
        emails.claim(email, command.userId());
        apply(new UserRegistered(command.userId(), email.value(), command.displayName().strip(), zone.getId(),
                Instant.now(GenericEventMessage.clock)));
    }

    @EventSourcingHandler
    void on(UserRegistered event) {
        this.userId = event.userId();
    }
}
