package dev.vigil.alerting.domain;

import java.util.UUID;

/**
 * Serializes the alert commands of one user. A command that changes a user's alerts takes the lock before it
 * decides, and holds it until its events are committed, so the user's alert events reach the event store in the
 * order they were decided. {@code AllAlertsMarkedRead} then applies to exactly the alerts raised before it in
 * the store, live and on replay: without the lock, an alert raised concurrently with a mark-all could commit
 * after it with a lower position, and a live projection and a replay would disagree about it.
 */
public interface UserAlertLock {

    /** Blocks until this command holds the lock of {@code userId}'s alerts; released when its transaction ends. */
    void lock(UUID userId);
}
