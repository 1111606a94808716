package dev.vigil.platform.testing;

import org.springframework.jdbc.core.simple.JdbcClient;

/** How many events the event store holds: a refused request must leave the number as it was. */
public final class EventStoreRows {

    private EventStoreRows() {
    }

    public static long count(JdbcClient jdbc) {
        return jdbc.sql("SELECT count(*) FROM axon.domain_event_entry").query(Long.class).single();
    }
}
