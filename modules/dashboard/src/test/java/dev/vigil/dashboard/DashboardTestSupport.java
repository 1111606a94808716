package dev.vigil.dashboard;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Test helpers as beans, so every test class shares one of each. */
@TestConfiguration(proxyBeanMethods = false)
public class DashboardTestSupport {

    @Bean
    DomainEvents domainEvents(EventStore eventStore, TransactionManager transactions) {
        return new DomainEvents(eventStore, transactions);
    }

    @Bean
    ProcessorCatchUp processorCatchUp(EventProcessingConfiguration processing, EventStore eventStore) {
        return new ProcessorCatchUp(processing, eventStore);
    }
}
