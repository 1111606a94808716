package dev.vigil.platform.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.vigil.platform.cache.ReadCache;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.axonframework.springboot.autoconfig.ObjectMapperAutoConfiguration;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Points Axon's JDBC storage at the snake_case tables of {@code db/migration/platform}, gives its
 * serializer a dedicated ObjectMapper, and sets how every read model's event processor behaves.
 */
@AutoConfiguration(before = {JdbcAutoConfiguration.class, ObjectMapperAutoConfiguration.class})
@EnableConfigurationProperties(ProjectionProperties.class)
public class AxonPlatformConfiguration {

    static final String SCHEMA = "axon";

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable(SCHEMA + ".domain_event_entry")
                .snapshotTable(SCHEMA + ".snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable(SCHEMA + ".token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    @Bean
    DeadLetterSchema deadLetterSchema() {
        return DeadLetterSchema.builder()
                .deadLetterTable(SCHEMA + ".dead_letter_entry")
                .deadLetterIdentifierColumn("dead_letter_id")
                .processingGroupColumn("processing_group")
                .sequenceIdentifierColumn("sequence_identifier")
                .sequenceIndexColumn("sequence_index")
                .messageTypeColumn("message_type")
                .eventIdentifierColumn("event_identifier")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .aggregateTypeColumn("type")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .tokenTypeColumn("token_type")
                .tokenColumn("token")
                .enqueuedAtColumn("enqueued_at")
                .lastTouchedColumn("last_touched")
                .processingStartedColumn("processing_started")
                .causeTypeColumn("cause_type")
                .causeMessageColumn("cause_message")
                .diagnosticsColumn("diagnostics")
                .build();
    }

    /**
     * Every processing group runs as a pooled streaming processor with its token in PostgreSQL, reading
     * through a prefetching source that wakes it as soon as an event is appended. All processors share a
     * few worker threads, which bounds the pooled connections projections can hold. A handler that fails
     * for a transient reason makes the processor retry the batch (with back-off) rather than skip the event, so
     * a read model never silently misses one; one that fails for good is dead-lettered (below). Events are sequenced per user ({@link PerUserSequencingPolicy}). A projection's
     * {@link CachedReads} are invalidated for each event's user after its transaction commits.
     * <p>
     * Every live instance holds a fair share of each processor's segments ({@link ProjectionInstances}), releasing
     * the surplus when another joins and claiming a stopped or crashed one's share within a few seconds.
     * <p>
     * Every processing group has a dead-letter queue in {@code axon.dead_letter_entry}: an event that fails for a
     * reason that will not go away by itself ({@link DeadLetterEnqueuePolicy}) is parked with its user's later
     * events, and the processor moves on for everyone else ({@link DeadLetterQueues}).
     */
    @Bean
    ConfigurerModule readModelProcessors(ProjectionProperties properties, ProjectionWorkers workers,
            ProjectionInstances instances, ProjectionBarrier barrier, MeterRegistry meters, ObjectProvider<CachedReads> cachedReads,
            ObjectProvider<ReadCache> readCache) {
        return configurer -> configurer.eventProcessing()
                .usingPooledStreamingEventProcessors((config, builder) -> builder
                        .messageSource(new PrefetchingEventSource(config.eventStore(), builder.name(), properties.prefetch()))
                        .workerExecutor(workers.executor())
                        .coordinatorExecutor(workers::coordinator)
                        .initialSegmentCount(properties.segments())
                        .maxSegmentProvider(instances)
                        .tokenClaimInterval(properties.claimInterval().toMillis())
                        .claimExtensionThreshold(properties.claimInterval().toMillis())
                        .batchSize(properties.batchSize()))
                .registerDefaultSequencingPolicy(c -> new PerUserSequencingPolicy())
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                .registerDefaultHandlerInterceptor((config, processorName) -> new ProcessorLogContext(processorName))
                .registerDefaultHandlerInterceptor((config, processorName) ->
                        new ProjectionMonitor(processorName, barrier, meters, Clock.systemUTC()))
                .registerDefaultHandlerInterceptor((config, processorName) -> CachedReadsInvalidation.forProcessor(
                        processorName, cachedReads.orderedStream().toList(),
                        (space, userId) -> readCache.getObject().invalidateAfterCommit(space, userId)));
    }

    /**
     * Replaces the dead-letter queue provider of Axon's Spring Boot JDBC configuration, which would enable queues
     * only for processors listed in properties.
     */
    @Bean
    DeadLetterQueues deadLetterQueues(DeadLetterSchema schema, ObjectProvider<ConnectionProvider> connections,
            ProjectionBarrier barrier, ListableBeanFactory beans) {
        return new DeadLetterQueues(schema, connections::getObject, barrier, beans);
    }

    @Bean
    HandlerSavepoints handlerSavepoints(PlatformTransactionManager transactions) {
        return new HandlerSavepoints(transactions);
    }

    @Bean
    DeadLetters deadLetters(@Lazy EventProcessingConfiguration processing, JdbcClient jdbc) {
        return new DeadLetters(processing, jdbc, defaultAxonObjectMapper());
    }

    @Bean
    DeadLetterMeters deadLetterMeters(@Lazy EventProcessingConfiguration processing, JdbcTemplate jdbc,
            MeterRegistry meters, ProjectionProperties properties) {
        return new DeadLetterMeters(processing, jdbc, meters, properties.deadLetterCountInterval());
    }

    @Bean
    @ConditionalOnWebApplication
    DeadLetterAdminController deadLetterAdminController(DeadLetters deadLetters) {
        return new DeadLetterAdminController(deadLetters);
    }

    @Bean
    @ConditionalOnWebApplication
    WriteNotVisibleAdvice writeNotVisibleAdvice() {
        return new WriteNotVisibleAdvice();
    }

    @Bean
    ProjectionWorkers projectionWorkers(ProjectionProperties properties) {
        return new ProjectionWorkers(properties.workerThreads());
    }

    /**
     * Axon's JDBC token store, as Axon's Spring Boot configuration makes it, but with a node id of its own for every
     * application context: Axon's default (the JVM's {@code pid@host}) would let two instances in one JVM (tests)
     * take each other's claims for their own.
     */
    @Bean
    TokenStore tokenStore(ConnectionProvider connections, Serializer serializer, TokenSchema schema,
            TokenStoreProperties tokenStoreProperties, ProjectionInstances instances) {
        return JdbcTokenStore.builder()
                .connectionProvider(connections)
                .schema(schema)
                .serializer(serializer)
                .claimTimeout(tokenStoreProperties.getClaimTimeout())
                .nodeId(instances.nodeId())
                .build();
    }

    @Bean
    ProjectionInstances projectionInstances(JdbcClient jdbc, ProjectionProperties properties, ProjectionWorkers workers) {
        ProjectionInstances instances = new ProjectionInstances(jdbc,
                ManagementFactory.getRuntimeMXBean().getName() + "-" + UUID.randomUUID().toString().substring(0, 8),
                properties.instanceLiveness());
        instances.start(workers, properties.heartbeatInterval());
        return instances;
    }

    /** This instance joins the projection work once it is ready ({@link ProjectionInstances#announce()}). */
    @Bean
    ApplicationListener<ApplicationReadyEvent> announceProjectionInstance(ProjectionInstances instances) {
        return ready -> instances.announce();
    }

    @Bean
    TokenProgressWatch tokenProgressWatch(JdbcClient jdbc, Serializer serializer, ProjectionProperties properties) {
        return new TokenProgressWatch(jdbc, serializer, properties.tokenPollInterval());
    }

    @Bean
    ProjectionBarrier projectionBarrier(@Lazy EventProcessingConfiguration processing, ProjectionInstances instances,
            TokenProgressWatch watch) {
        ProjectionBarrier barrier = new ProjectionBarrier(processing, instances, watch);
        watch.start(barrier);
        return barrier;
    }

    @Bean
    ConsistentCommandGateway consistentCommandGateway(CommandGateway commands, ProjectionBarrier barrier,
            ProjectionProperties properties, MeterRegistry meters, EventStore eventStore,
            ObjectProvider<WritesAppliedListener> writesApplied) {
        ConsistentCommandGateway gateway = new ConsistentCommandGateway(commands, barrier,
                properties.readYourWritesTimeout(), meters, writesApplied.orderedStream().toList(),
                new TargetsLastEvent(eventStore));
        eventStore.registerDispatchInterceptor(events -> (index, event) -> {
            gateway.onPublish(event);
            return event;
        });
        return gateway;
    }

    @Bean
    ProjectionRebuilds projectionRebuilds(@Lazy EventProcessingConfiguration processing, EventStore eventStore) {
        return new ProjectionRebuilds(processing, eventStore);
    }

    @Bean
    @ConditionalOnWebApplication
    ProjectionAdminController projectionAdminController(ProjectionRebuilds rebuilds, ProjectionLagMeters lag,
            ProjectionInstances instances, ProjectionProperties properties) {
        return new ProjectionAdminController(rebuilds, lag, instances.nodeId(), properties.rebuildStreamTimeout());
    }

    @Bean
    ProjectionLagMeters projectionLagMeters(@Lazy EventProcessingConfiguration processing, EventStore eventStore,
            MeterRegistry meters) {
        return new ProjectionLagMeters(processing, eventStore, meters);
    }

    /**
     * Axon looks this bean up by name. It is not a default candidate, so Spring Boot's web ObjectMapper
     * still exists and web JSON settings never leak into the event store's format.
     */
    @Bean(name = "defaultAxonObjectMapper", defaultCandidate = false)
    ObjectMapper defaultAxonObjectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }
}
