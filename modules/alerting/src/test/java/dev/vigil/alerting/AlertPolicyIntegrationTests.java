package dev.vigil.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.alerting.api.AlertRaised;
import dev.vigil.alerting.api.RaiseAlert;
import dev.vigil.alerting.domain.AlertPolicy;
import dev.vigil.billing.api.PaymentFailed;
import dev.vigil.billing.api.Plan;
import dev.vigil.billing.api.SubscriptionExpiring;
import dev.vigil.billing.api.SubscriptionStatus;
import dev.vigil.monitoring.api.DataType;
import dev.vigil.monitoring.api.ExposureDetected;
import dev.vigil.monitoring.api.ExposureReappeared;
import dev.vigil.monitoring.api.Severity;
import dev.vigil.monitoring.api.SourceKind;
import dev.vigil.platform.axon.ProjectionRebuilds;
import dev.vigil.platform.id.TimeOrderedIds;
import dev.vigil.platform.testing.ExpectedLogs;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * monitoring's and billing's events, appended to the real event store, raise alerts through the
 * {@code alerting-policy} processor: exactly one per source event, also after a reset of its tokens, and also
 * when raising fails once inside the processor's transaction.
 */
@SpringBootTest(classes = AlertingTestApplication.class)
@Import(AlertPolicyIntegrationTests.FailingRaises.class)
class AlertPolicyIntegrationTests {

    /** The lines of a raise that fails inside the processor: the gateway's and the aborted batch's. */
    @RegisterExtension
    final ExpectedLogs processingLog = ExpectedLogs.from(DefaultCommandGateway.class.getName(),
            "org.axonframework.eventhandling.pooled.WorkPackage");

    private static final Duration PROCESSING = Duration.ofSeconds(30);
    private static final Instant FOUND_AT = Instant.parse("2026-11-20T08:00:00Z");

    @Autowired
    EventStore eventStore;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProjectionRebuilds rebuilds;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    FailingRaises failingRaises;

    private StoredEvents events;

    @BeforeEach
    void setUp() {
        events = new StoredEvents(eventStore, jdbc);
    }

    @Test
    void sourceEventsAtOrAboveTheThresholdRaiseOneAlertEach() {
        UUID userId = TimeOrderedIds.next();
        UUID breach = TimeOrderedIds.next();
        UUID paste = TimeOrderedIds.next();
        UUID broker = TimeOrderedIds.next();
        String breachEvent = events.append("Exposure", breach.toString(), 0, new ExposureDetected(breach, userId,
                "Big Breach 2026", SourceKind.BREACH, List.of(DataType.EMAIL, DataType.PASSWORD), Severity.CRITICAL,
                FOUND_AT, FOUND_AT));
        events.append("Exposure", paste.toString(), 0, new ExposureDetected(paste, userId, "Some Paste",
                SourceKind.PASTE, List.of(DataType.EMAIL), Severity.LOW, FOUND_AT, FOUND_AT));
        String brokerEvent = events.append("Exposure", broker.toString(), 0, new ExposureDetected(broker, userId,
                "Acme Brokers", SourceKind.DATA_BROKER, List.of(DataType.ADDRESS), Severity.MEDIUM, FOUND_AT, FOUND_AT));
        String reappearedEvent = events.append("Exposure", broker.toString(), 1,
                new ExposureReappeared(broker, userId, "Acme Brokers", Severity.MEDIUM, FOUND_AT, FOUND_AT));
        String subscription = "subscription-" + userId;
        String paymentEvent = events.append("Subscription", subscription, 0,
                new PaymentFailed(userId, Plan.PLUS, FOUND_AT, "card declined", FOUND_AT));
        String expiringEvent = events.append("Subscription", subscription, 1, new SubscriptionExpiring(userId, Plan.PLUS,
                SubscriptionStatus.PAST_DUE, Instant.parse("2026-12-01T00:00:00Z"), FOUND_AT));

        await().atMost(PROCESSING).until(() -> feedRows(userId).size() == 5);

        List<JsonNode> raised = events.of(AlertRaised.class, userId);
        assertThat(raised).extracting(e -> e.get("title").asText()).containsExactly(
                "Your email and password found on Big Breach 2026",
                "Your address found on Acme Brokers",
                "Your data reappeared on Acme Brokers",
                "Payment for your Plus plan failed",
                "Your Plus plan expires on 2026-12-01");
        assertThat(raised).extracting(e -> e.get("severity").asText())
                .containsExactly("CRITICAL", "MEDIUM", "MEDIUM", "HIGH", "MEDIUM");

        Map<String, UUID> claims = claimsOf(userId);
        assertThat(claims).containsOnlyKeys(breachEvent, brokerEvent, reappearedEvent, paymentEvent, expiringEvent);
        assertThat(claims.values()).containsExactlyInAnyOrderElementsOf(
                raised.stream().map(e -> UUID.fromString(e.get("alertId").asText())).toList());

        JsonNode breachAlert = raised.getFirst();
        assertThat(feedRows(userId)).contains(Map.ofEntries(
                Map.entry("alert_id", UUID.fromString(breachAlert.get("alertId").asText())),
                Map.entry("category", "NEW_EXPOSURE"),
                Map.entry("severity", "CRITICAL"),
                Map.entry("status", "UNREAD"),
                Map.entry("title", "Your email and password found on Big Breach 2026"),
                Map.entry("exposure_id", breach),
                Map.entry("source_name", "Big Breach 2026"),
                Map.entry("created_at", events.asStored(breachAlert.get("raisedAt")))));
        assertThat(feedRows(userId)).filteredOn(row -> "PAYMENT_FAILED".equals(row.get("category")))
                .singleElement().satisfies(row -> {
                    assertThat(row.get("exposure_id")).isNull();
                    assertThat(row.get("source_name")).isNull();
                });
    }

    @Test
    void resettingThePolicysTokensRaisesNoAlertTwice() throws InterruptedException {
        UUID userId = TimeOrderedIds.next();
        for (int i = 0; i < 5; i++) {
            events.append("Subscription", "subscription-" + userId, i,
                    new PaymentFailed(userId, Plan.FAMILY, FOUND_AT, "declined " + i, FOUND_AT));
        }
        await().atMost(PROCESSING).until(() -> feedRows(userId).size() == 5);
        long storedBefore = events.count();

        // every source event in the store is delivered to the policy again
        rebuilds.rebuild(AlertPolicy.PROCESSING_GROUP, progress -> { });

        assertThat(events.of(AlertRaised.class, userId)).hasSize(5);
        assertThat(events.count()).as("no alert raised anew for any user").isEqualTo(storedBefore);
        assertThat(claimsOf(userId)).hasSize(5);
    }

    @Test
    void aRaiseThatFailsInsideTheProcessorsTransactionIsRetriedAndRaisesOneAlert() {
        UUID userId = TimeOrderedIds.next();
        failingRaises.failOnceFor(userId);
        processingLog.expect(Level.WARN, "Command 'dev.vigil.alerting.api.RaiseAlert' resulted in")
                .expect(Level.WARN, "Error while processing batch in Work Package");

        String source = events.append("Subscription", "subscription-" + userId, 0,
                new PaymentFailed(userId, Plan.PLUS, FOUND_AT, "declined", FOUND_AT));

        await().atMost(PROCESSING).until(() -> feedRows(userId).size() == 1);
        assertThat(failingRaises.attempts(userId)).as("failed once, then retried").isEqualTo(2);
        // had the first attempt's claim survived, the retry would have skipped the event and raised nothing
        assertThat(claimsOf(userId)).containsOnlyKeys(source);
        assertThat(events.of(AlertRaised.class, userId)).hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM axon.dead_letter_entry").query(Long.class).single())
                .as("a transient failure is retried, not dead-lettered").isZero();
        await().atMost(PROCESSING).untilAsserted(() -> assertThat(policy().processingStatus().values())
                .noneMatch(status -> status.isErrorState()));

        // the processor is not stuck: the next event is handled normally
        UUID next = TimeOrderedIds.next();
        events.append("Subscription", "subscription-" + next, 0,
                new PaymentFailed(next, Plan.PLUS, FOUND_AT, "declined", FOUND_AT));
        await().atMost(PROCESSING).until(() -> feedRows(next).size() == 1);
    }

    private StreamingEventProcessor policy() {
        return processing.eventProcessor(AlertPolicy.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
    }

    private List<Map<String, Object>> feedRows(UUID userId) {
        return jdbc.sql("""
                        SELECT alert_id, category, severity, status, title, exposure_id, source_name, created_at
                        FROM alerting.alert_feed WHERE user_id = :userId ORDER BY created_at, alert_id""")
                .param("userId", userId).query().listOfRows();
    }

    /** The claims of the source events about {@code userId}: source event id to alert id. */
    private Map<String, UUID> claimsOf(UUID userId) {
        return jdbc.sql("""
                        SELECT claim.source_event_id, claim.alert_id
                        FROM alerting.alert_source_claim claim
                        JOIN axon.domain_event_entry source ON source.event_identifier = claim.source_event_id
                        WHERE convert_from(source.payload, 'UTF8')::jsonb ->> 'userId' = :userId""")
                .param("userId", userId.toString())
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getObject(2, UUID.class)))
                .list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * Makes the first RaiseAlert for chosen users fail the way a transient database failure would: a statement
     * errors inside the processor's transaction (leaving it aborted), and the command fails.
     */
    @TestConfiguration
    static class FailingRaises {

        private final Set<UUID> failOnce = ConcurrentHashMap.newKeySet();
        private final Map<UUID, AtomicInteger> attempts = new ConcurrentHashMap<>();

        @Bean
        Object failingRaiseInterceptor(CommandBus commandBus, JdbcClient jdbc) {
            MessageHandlerInterceptor<CommandMessage<?>> interceptor = (unitOfWork, chain) -> {
                if (unitOfWork.getMessage().getPayload() instanceof RaiseAlert raise) {
                    attempts.computeIfAbsent(raise.userId(), id -> new AtomicInteger()).incrementAndGet();
                    if (failOnce.remove(raise.userId())) {
                        // transient (a serialization failure): a data error would be dead-lettered, not retried
                        jdbc.sql("DO $$ BEGIN RAISE EXCEPTION 'simulated' USING ERRCODE = 'serialization_failure'; END $$")
                                .update();
                    }
                }
                return chain.proceed();
            };
            return commandBus.registerHandlerInterceptor(interceptor);
        }

        void failOnceFor(UUID userId) {
            failOnce.add(userId);
        }

        int attempts(UUID userId) {
            AtomicInteger count = attempts.get(userId);
            return count == null ? 0 : count.get();
        }
    }
}
