package dev.vigil.identity.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.vigil.identity.api.ProfileUpdated;
import dev.vigil.identity.api.RegisterUser;
import dev.vigil.identity.api.UpdateProfile;
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
    private String displayName;
    private String timeZone;

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

    /** Changing nothing publishes nothing, so a retried update is harmless. */
    @CommandHandler
    void handle(UpdateProfile command) {
        String newName = command.displayName().strip();
        String newZone = ZoneId.of(command.timeZone()).getId();
        if (newName.equals(displayName) && newZone.equals(timeZone)) {
            return;
        }
        apply(new ProfileUpdated(userId, newName, newZone, Instant.now(GenericEventMessage.clock)));
    }

    @EventSourcingHandler
    void on(UserRegistered event) {
        this.userId = event.userId();
        this.displayName = event.displayName();
        this.timeZone = event.timeZone();
    }

    @EventSourcingHandler
    void on(ProfileUpdated event) {
        this.displayName = event.displayName();
        this.timeZone = event.timeZone();
    }
}
