package dev.vigil.identity.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.vigil.identity.api.ProfileUpdated;
import dev.vigil.identity.api.RegisterUser;
import dev.vigil.identity.api.UpdateProfile;
import dev.vigil.identity.api.UserRegistered;
import dev.vigil.platform.input.InvalidInput;
import dev.vigil.platform.input.TextPolicy;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A registered user, event-sourced. Every text it stores passes the platform's text policy first, whoever sent
 * the command: an event a projection cannot write must never be stored.
 */
@Aggregate
public class User {

    /** The width of {@code identity.user_profile_view.display_name}, in characters (code points). */
    public static final int MAX_DISPLAY_NAME_LENGTH = 100;
    /** The width of {@code identity.user_profile_view.time_zone}; the longest IANA id is about half of it. */
    public static final int MAX_TIME_ZONE_LENGTH = 64;

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
        String name = displayName(command.displayName());
        String zone = timeZone(command.timeZone());
        emails.claim(email, command.userId());
        apply(new UserRegistered(command.userId(), email.value(), name, zone, Instant.now(GenericEventMessage.clock)));
    }

    /** Changing nothing publishes nothing, so a retried update is harmless. */
    @CommandHandler
    void handle(UpdateProfile command) {
        String newName = displayName(command.displayName());
        String newZone = timeZone(command.timeZone());
        if (newName.equals(displayName) && newZone.equals(timeZone)) {
            return;
        }
        apply(new ProfileUpdated(userId, newName, newZone, Instant.now(GenericEventMessage.clock)));
    }

    private static String displayName(String raw) {
        return TextPolicy.require("displayName", raw, MAX_DISPLAY_NAME_LENGTH);
    }

    /** An IANA id, or an id {@link ZoneId} accepts, in its normal form. */
    private static String timeZone(String raw) {
        String id = TextPolicy.require("timeZone", raw, MAX_TIME_ZONE_LENGTH);
        try {
            return ZoneId.of(id).getId();
        } catch (DateTimeException e) {
            throw new InvalidInput("timeZone", "must be an IANA time zone id such as Europe/Berlin");
        }
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
