package dev.vigil.platform.testing;

import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The event store's rows as tests need them: how many there are (a refused request must leave the number as it was),
 * and an event written straight into it, past every check of the domain (what a projection must survive).
 */
public final class EventStoreRows {

    private EventStoreRows() {
    }

    public static long count(JdbcClient jdbc) {
        return jdbc.sql("SELECT count(*) FROM axon.domain_event_entry").query(Long.class).single();
    }

    /**
     * Appends an event of {@code payloadType} with this JSON payload as the second event of the aggregate whose first
     * event is stored (its type and metadata are copied); returns the new event's identifier.
     */
    public static String appendSecond(JdbcClient jdbc, UUID aggregateId, String payloadType, String payloadJson) {
        String eventId = UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO axon.domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                    time_stamp, payload_type, payload_revision, payload, meta_data)
                SELECT :eventId, aggregate_identifier, 1, type, :at, :payloadType, NULL, convert_to(:payload, 'UTF8'),
                       meta_data
                FROM axon.domain_event_entry WHERE aggregate_identifier = :aggregate AND sequence_number = 0""")
                .param("eventId", eventId).param("aggregate", aggregateId.toString())
                .param("at", Instant.now().toString()).param("payloadType", payloadType).param("payload", payloadJson)
                .update();
        return eventId;
    }
}
