package dev.vigil.alerting.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The user marks all their alerts read: one command and one event, however many alerts. Handled by the user's
 * alert inbox, whose id is prefixed because the event store's key spans every aggregate type.
 */
public record MarkAllAlertsRead(UUID userId) {

    private static final String INBOX_PREFIX = "alert-inbox-";

    /** The id of {@code userId}'s alert inbox aggregate. */
    public static String inboxIdOf(UUID userId) {
        return INBOX_PREFIX + userId;
    }

    @TargetAggregateIdentifier
    public String inboxId() {
        return inboxIdOf(userId);
    }
}
