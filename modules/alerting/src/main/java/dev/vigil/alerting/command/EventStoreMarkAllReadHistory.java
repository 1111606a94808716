package dev.vigil.alerting.command;

import dev.vigil.alerting.api.MarkAllAlertsRead;
import dev.vigil.alerting.domain.MarkAllReadHistory;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Compares store positions: the user's last {@code AllAlertsMarkedRead} against the alert's {@code AlertRaised}.
 * That is exactly the order in which projections apply them, so the alert and every read model agree on whether
 * "mark all read" covered it. Reads the event store's table because Axon hands aggregates their events without
 * positions; both lookups are one probe of its (aggregate_identifier, sequence_number) key.
 */
@Component
class EventStoreMarkAllReadHistory implements MarkAllReadHistory {

    private static final String MARKED_ALL_READ_AFTER = """
            /* alerting.marked_all_read_after */
            SELECT coalesce(
                (SELECT mark.global_index FROM axon.domain_event_entry mark
                 WHERE mark.aggregate_identifier = :inboxId
                 ORDER BY mark.sequence_number DESC LIMIT 1)
                > (SELECT raised.global_index FROM axon.domain_event_entry raised
                   WHERE raised.aggregate_identifier = :alertId AND raised.sequence_number = 0),
                false)""";

    private final JdbcClient jdbc;

    EventStoreMarkAllReadHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean markedAllReadAfter(UUID userId, UUID alertId) {
        return jdbc.sql(MARKED_ALL_READ_AFTER)
                .param("inboxId", MarkAllAlertsRead.inboxIdOf(userId))
                .param("alertId", alertId.toString())
                .query(Boolean.class)
                .single();
    }
}
