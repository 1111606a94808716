package dev.vigil.platform.axon;

import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.springframework.beans.factory.ListableBeanFactory;

/**
 * Gives every processing group a sequenced dead-letter queue in {@code axon.dead_letter_entry}, sequenced as its
 * processor is (per user). An event that fails for a reason that will not go away by itself
 * ({@link DeadLetterEnqueuePolicy}) is parked with its user's later events, and the processor moves on for
 * everyone else (docs/projections.md, "Dead letters"). Each handler runs in a savepoint ({@link HandlerSavepoints})
 * so that a statement PostgreSQL refuses leaves the batch's transaction usable.
 * <p>
 * Runs after Axon's own Spring Boot module, whose provider would enable queues only for processors named in
 * properties. A rebuild (token reset) empties the group's queue, since the replay parks again whatever still
 * fails; each segment remembers the sequences it parked rather than asking the table for every event.
 */
final class DeadLetterQueues implements ConfigurerModule {

    private final DeadLetterSchema schema;
    private final Supplier<ConnectionProvider> connections;
    private final ProjectionBarrier barrier;
    private final ListableBeanFactory beans;

    DeadLetterQueues(DeadLetterSchema schema, Supplier<ConnectionProvider> connections, ProjectionBarrier barrier,
            ListableBeanFactory beans) {
        this.schema = schema;
        this.connections = connections;
        this.barrier = barrier;
        this.beans = beans;
    }

    @Override
    public void configureModule(Configurer configurer) {
        configurer.eventProcessing()
                .registerDeadLetterQueueProvider(group -> config -> new ReportingDeadLetterQueue(
                        JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                                .processingGroup(group)
                                .connectionProvider(connections.get())
                                .transactionManager(config.getComponent(TransactionManager.class))
                                .schema(schema)
                                .genericSerializer(config.serializer())
                                .eventSerializer(config.eventSerializer())
                                // a full queue would stop the processor for everyone again; the alert pages long before
                                .maxSequences(Integer.MAX_VALUE)
                                .maxSequenceSize(Integer.MAX_VALUE),
                        group, barrier))
                .registerDefaultDeadLetterPolicy(config -> new DeadLetterEnqueuePolicy());
        for (String group : processingGroups()) {
            configurer.eventProcessing().registerDeadLetteringEventHandlerInvokerConfiguration(group,
                    (config, builder) -> builder.allowReset(true).enableSequenceIdentifierCache());
        }
    }

    @Override
    public int order() {
        return Integer.MAX_VALUE;
    }

    private Set<String> processingGroups() {
        Set<String> groups = new TreeSet<>();
        for (String name : beans.getBeanNamesForAnnotation(ProcessingGroup.class)) {
            ProcessingGroup group = beans.findAnnotationOnBean(name, ProcessingGroup.class);
            if (group != null) {
                groups.add(group.value());
            }
        }
        return groups;
    }
}
