package dev.vigil.platform.axon;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The event store, as Axon's Spring Boot configuration makes it, but asking the database for events appended by
 * other instances every {@code vigil.projections.append-poll-interval} (20 ms) instead of every second: a write on
 * one instance whose projection runs on another waits for that (docs/projections.md, "Several instances"). Appends
 * on this instance still wake its processors at once. Placed after Axon's JDBC configuration, which makes the
 * storage engine only while no event store exists, and before Axon's, which would make the event store.
 */
@AutoConfiguration(after = JdbcAutoConfiguration.class, before = AxonAutoConfiguration.class)
public class ProjectionEventStoreConfiguration {

    @Bean
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, Configuration configuration,
            ProjectionProperties properties) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(properties.appendPollInterval().toMillis())
                .build();
    }
}
