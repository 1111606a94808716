package dev.vigil.alerting;

import static org.awaitility.Awaitility.await;

import dev.vigil.alerting.api.AlertCategory;
import dev.vigil.alerting.api.AlertDismissed;
import dev.vigil.alerting.api.AlertRaised;
import dev.vigil.alerting.api.AlertRead;
import dev.vigil.alerting.api.AlertSeverity;
import dev.vigil.alerting.api.AlertStatus;
import dev.vigil.platform.paging.KeysetPosition;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Alerts for read tests, made the way production makes them (events in the event store, applied to
 * {@code alerting.alert_feed} by the projection) but with the creation time, id and state a test chooses.
 * Because the rows come from events, a rebuild test sharing the database still finds the table it would build.
 */
public final class AlertHistory {

    private static final Duration PROCESSING = Duration.ofSeconds(30);

    /** An alert as a test made it; {@code status} is the state its events leave it in. */
    public record Alert(UUID alertId, UUID userId, AlertCategory category, AlertSeverity severity, AlertStatus status,
            Instant createdAt) {

        public KeysetPosition position() {
            return new KeysetPosition(createdAt, alertId);
        }
    }

    private final StoredEvents events;
    private final JdbcClient jdbc;
    private final Map<UUID, Long> nextSequence = new HashMap<>();
    /** Per user, the alerts appended since the last wait and the status their events lead to. */
    private final Map<UUID, Map<UUID, AlertStatus>> pending = new HashMap<>();

    public AlertHistory(EventStore eventStore, JdbcClient jdbc) {
        this.events = new StoredEvents(eventStore, jdbc);
        this.jdbc = jdbc;
    }

    /**
     * Raises an alert created at {@code createdAt} (microseconds, as stored), then reads or dismisses it to reach
     * {@code status}. Call {@link #awaitApplied()} before reading.
     */
    public Alert add(UUID userId, UUID alertId, AlertCategory category, AlertSeverity severity, AlertStatus status,
            Instant createdAt) {
        if (!createdAt.truncatedTo(ChronoUnit.MICROS).equals(createdAt)) {
            throw new IllegalArgumentException("created_at keeps microseconds; " + createdAt + " would be rounded");
        }
        boolean exposure = category == AlertCategory.NEW_EXPOSURE || category == AlertCategory.EXPOSURE_REAPPEARED;
        append(alertId, new AlertRaised(alertId, userId, category, severity, "Alert " + alertId,
                exposure ? UUID.randomUUID() : null, exposure ? "Some Broker" : null, createdAt));
        switch (status) {
            case UNREAD -> {
            }
            case READ -> append(alertId, new AlertRead(alertId, userId, createdAt.plusSeconds(60)));
            case DISMISSED -> append(alertId, new AlertDismissed(alertId, userId, createdAt.plusSeconds(60)));
        }
        pending.computeIfAbsent(userId, user -> new HashMap<>()).put(alertId, status);
        return new Alert(alertId, userId, category, severity, status, createdAt);
    }

    /** Waits until the projection has applied every event appended since the last call. */
    public void awaitApplied() {
        await().atMost(PROCESSING).until(() -> pending.entrySet().stream()
                .allMatch(user -> statuses(user.getKey()).entrySet().containsAll(user.getValue().entrySet())));
        pending.clear();
    }

    private Map<UUID, AlertStatus> statuses(UUID userId) {
        return jdbc.sql("SELECT alert_id, status FROM alerting.alert_feed WHERE user_id = :userId")
                .param("userId", userId)
                .query((rs, row) -> Map.entry(rs.getObject(1, UUID.class), AlertStatus.valueOf(rs.getString(2))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private void append(UUID alertId, Object event) {
        long sequence = nextSequence.merge(alertId, 1L, Long::sum) - 1;
        events.append("Alert", alertId.toString(), sequence, event);
    }
}
