package dev.vigil.alerting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The event store as tests see it: appends other modules' events (their aggregates are not in alerting's
 * test context) and reads back what was stored for a user.
 */
public final class StoredEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventStore eventStore;
    private final JdbcClient jdbc;

    public StoredEvents(EventStore eventStore, JdbcClient jdbc) {
        this.eventStore = eventStore;
        this.jdbc = jdbc;
    }

    /** Appends {@code payload} as event {@code sequence} of aggregate {@code type}/{@code id}; returns its event id. */
    public String append(String type, String id, long sequence, Object payload) {
        GenericDomainEventMessage<Object> event = new GenericDomainEventMessage<>(type, id, sequence, payload);
        eventStore.publish(event);
        return event.getIdentifier();
    }

    /** Payloads of the stored events of {@code eventType} whose {@code userId} is {@code userId}, in store order. */
    public List<JsonNode> of(Class<?> eventType, UUID userId) {
        return jdbc.sql("""
                        SELECT payload FROM axon.domain_event_entry
                        WHERE payload_type = :type
                          AND convert_from(payload, 'UTF8')::jsonb ->> 'userId' = :userId
                        ORDER BY global_index""")
                .param("type", eventType.getName())
                .param("userId", userId.toString())
                .query((rs, row) -> parse(rs.getBytes(1)))
                .list();
    }

    /**
     * An instant from an event payload as a timestamptz column holds it: rounded by the same JDBC driver and
     * server path the projection's statements take (PostgreSQL keeps microseconds, Java instants may carry nanos).
     */
    public Timestamp asStored(JsonNode instant) {
        return jdbc.sql("SELECT CAST(:instant AS timestamptz)")
                .param("instant", Instant.parse(instant.asText()).atOffset(ZoneOffset.UTC))
                .query(Timestamp.class).single();
    }

    /** How many events the store holds in total. */
    public long count() {
        return jdbc.sql("SELECT count(*) FROM axon.domain_event_entry").query(Long.class).single();
    }

    private static JsonNode parse(byte[] payload) {
        try {
            return JSON.readTree(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
