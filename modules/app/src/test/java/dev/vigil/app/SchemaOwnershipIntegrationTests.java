package dev.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import dev.vigil.platform.testing.ExpectedLogs;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.util.PSQLException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The schema comes from Flyway alone: Axon's tables exist before anything Axon starts, and without
 * Flyway the application refuses to start, because Axon never creates a table itself.
 */
class SchemaOwnershipIntegrationTests {

    private static final List<String> AXON_TABLES =
            List.of("axon.domain_event_entry", "axon.snapshot_event_entry", "axon.token_entry");

    @Nested
    @SpringBootTest
    class WithFlyway {

        @Autowired
        JdbcClient jdbc;

        @Autowired
        EventSchema eventSchema;

        @Autowired
        TokenSchema tokenSchema;

        @Autowired
        TablesSeenBeforeAxonStarted tablesSeenBeforeAxonStarted;

        @Test
        void flywayCreatedTheAxonTablesBeforeAxonStarted() {
            assertThat(tablesSeenBeforeAxonStarted.tables.get()).containsExactlyElementsOf(AXON_TABLES);
            assertThat(jdbc.sql("""
                            SELECT success FROM flyway_schema_history
                            WHERE script = 'platform/V202611262100__platform_axon_store.sql'""")
                    .query(Boolean.class).single()).isTrue();
        }

        @Test
        void axonUsesTheFlywayTables() {
            assertThat(eventSchema.domainEventTable()).isEqualTo("axon.domain_event_entry");
            assertThat(eventSchema.snapshotTable()).isEqualTo("axon.snapshot_event_entry");
            assertThat(tokenSchema.tokenTable()).isEqualTo("axon.token_entry");
        }

        @TestConfiguration
        static class Probe {
            @Bean
            TablesSeenBeforeAxonStarted tablesSeenBeforeAxonStarted(JdbcClient jdbc) {
                return new TablesSeenBeforeAxonStarted(jdbc);
            }
        }
    }

    @Nested
    class WithoutFlyway {

        /** The refusal as Axon, the context and Spring Boot each report it. */
        @RegisterExtension
        final ExpectedLogs refusal = ExpectedLogs.from(DefaultConfigurer.class, AnnotationConfigApplicationContext.class,
                SpringApplication.class);

        /**
         * Spring Boot sets logging up when an application starts, unless it already has; a cached test context that
         * closed earlier in this JVM undoes that, and setting up again resets Logback, which takes the capture off its
         * loggers (the refusal then reached the console, and the test found nothing). So: set up now, before it.
         */
        @BeforeAll
        static void loggingSetUpBeforeTheCapture() {
            LoggingSystem logging = LoggingSystem.get(WithoutFlyway.class.getClassLoader());
            logging.beforeInitialize();
            logging.initialize(new LoggingInitializationContext(new StandardEnvironment()), null, null);
        }

        /** Had Axon created its own tables, this application would start. */
        @Test
        void axonCreatesNoTablesOfItsOwnAndRefusesToStart() {
            SpringApplicationBuilder application = new SpringApplicationBuilder(VigilApplication.class)
                    .web(WebApplicationType.NONE)
                    .properties("spring.flyway.enabled=false");

            assertThatThrownBy(application::run)
                    .hasRootCauseInstanceOf(PSQLException.class)
                    .rootCause().hasMessageContaining("relation \"axon.token_entry\" does not exist");
            refusal.assertLogged(Level.WARN, "One of the start handlers in phase");
            refusal.assertLogged(Level.WARN, "cancelling refresh attempt");
            refusal.assertLogged(Level.ERROR, "Application run failed");
        }
    }

    private static List<String> existing(JdbcClient jdbc) {
        return AXON_TABLES.stream()
                .filter(table -> jdbc.sql("SELECT to_regclass(:table) IS NOT NULL").param("table", table)
                        .query(Boolean.class).single())
                .toList();
    }

    /** Starts in the earliest lifecycle phase, before any Axon component, and records which Axon tables exist. */
    static final class TablesSeenBeforeAxonStarted implements SmartLifecycle {

        final AtomicReference<List<String>> tables = new AtomicReference<>();
        private final JdbcClient jdbc;
        private volatile boolean running;

        TablesSeenBeforeAxonStarted(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public void start() {
            tables.set(existing(jdbc));
            running = true;
        }

        @Override
        public void stop() {
            running = false;
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        @Override
        public int getPhase() {
            return Integer.MIN_VALUE;
        }
    }
}
