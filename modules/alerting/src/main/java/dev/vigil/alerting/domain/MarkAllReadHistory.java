package dev.vigil.alerting.domain;

import java.util.UUID;

/**
 * What the user's alert inbox has done, as the alerts need to know it: an alert marked read by
 * {@code AllAlertsMarkedRead} is read, although its own history does not say so.
 */
public interface MarkAllReadHistory {

    /**
     * Whether {@code userId} marked all alerts read after {@code alertId} was raised, in event-store order
     * (the order in which every projection applies them). Call it holding the {@link UserAlertLock}.
     */
    boolean markedAllReadAfter(UUID userId, UUID alertId);
}
