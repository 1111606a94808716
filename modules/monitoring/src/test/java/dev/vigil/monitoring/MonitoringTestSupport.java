package dev.vigil.monitoring;

import dev.vigil.identity.api.RegisterUser;
import dev.vigil.platform.axon.ConsistentCommandGateway;
import dev.vigil.platform.id.TimeOrderedIds;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What monitoring's integration tests share: registering users through identity, and reading the event store.
 */
public final class MonitoringTestSupport {

    private MonitoringTestSupport() {
    }

    /** Registers a user through identity; returns once monitoring has learnt of them. */
    public static UUID registerUser(ConsistentCommandGateway commands) {
        UUID userId = TimeOrderedIds.next();
        commands.send(new RegisterUser(userId, "user-" + userId + "@example.org", "Test User", "UTC"));
        return userId;
    }

    /** Simple names of the events of one aggregate, in order. */
    public static List<String> eventsOf(JdbcClient jdbc, UUID aggregateId) {
        return jdbc.sql("""
                        SELECT payload_type FROM axon.domain_event_entry
                        WHERE aggregate_identifier = :id ORDER BY sequence_number""")
                .param("id", aggregateId.toString())
                .query(String.class).list().stream()
                .map(type -> type.substring(type.lastIndexOf('.') + 1))
                .toList();
    }

    public static long eventCount(JdbcClient jdbc) {
        return jdbc.sql("SELECT count(*) FROM axon.domain_event_entry").query(Long.class).single();
    }
}
