package dev.vigil.alerting.api;

import java.time.Instant;
import java.util.UUID;

/**
 * The user marked all their alerts read: one event however many alerts. It applies to every alert of the
 * user that is UNREAD when the event is processed; per-user event ordering makes that the set of alerts
 * raised before it in the event store, so a replay reaches the same state.
 */
public record AllAlertsMarkedRead(UUID userId, Instant markedAt) {
}
