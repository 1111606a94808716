package dev.vigil.monitoring.web;

import static dev.vigil.monitoring.MonitoringTestSupport.eventCount;
import static dev.vigil.monitoring.MonitoringTestSupport.eventsOf;
import static dev.vigil.monitoring.MonitoringTestSupport.registerUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.monitoring.api.ReportFinding;
import dev.vigil.platform.id.TimeOrderedIds;
import dev.vigil.platform.testing.ExpectedLogs;
import dev.vigil.platform.testing.TestTokens;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.common.Registration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Scan ingestion over REST against the real database: receipts, events in the event store, rows in
 * {@code monitoring.exposure_feed}, and the rejections that write nothing.
 */
class FindingIngestionIntegrationTests extends ExposureWebIntegrationTestSupport {

    /** The error a batch interrupted midway logs (with its cause); one test interrupts one on purpose. */
    @RegisterExtension
    final ExpectedLogs problems = ExpectedLogs.from(MonitoringProblems.class);

    private static final String BROKER = """
            {"sourceName": "Acme People Search", "sourceKind": "DATA_BROKER", "dataTypes": ["PHONE", "EMAIL"],
             "severity": "HIGH", "foundAt": "2026-11-20T08:00:00Z"}""";
    private static final String BROKER_AGAIN = """
            {"sourceName": "  ACME people search ", "sourceKind": "DATA_BROKER", "dataTypes": ["EMAIL", "PHONE", "EMAIL"],
             "severity": "LOW", "foundAt": "2026-11-21T08:00:00Z"}""";
    private static final String BREACH = """
            {"sourceName": "MegaLeak 2026", "sourceKind": "BREACH", "dataTypes": ["PASSWORD", "EMAIL"],
             "severity": "CRITICAL", "foundAt": "2026-11-22T09:30:00Z"}""";

    private static final String PASTE = """
            {"sourceName": "pastebin.example/abc", "sourceKind": "PASTE", "dataTypes": ["ADDRESS"],
             "severity": "MEDIUM", "foundAt": "2026-11-23T10:00:00Z"}""";

    @Autowired
    CommandBus commandBus;

    @Test
    void aBatchCreatesExposuresDeduplicatesWithinItAndProjectsTheFeed() throws Exception {
        UUID userId = newUser();

        JsonNode receipts = ingest(userId, BROKER, BREACH, BROKER_AGAIN).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString().transform(this::findings);

        assertThat(outcomes(receipts)).containsExactly("CREATED", "CREATED", "DUPLICATE");
        UUID broker = exposureId(receipts, 0);
        UUID breach = exposureId(receipts, 1);
        assertThat(broker.version()).isEqualTo(7);
        assertThat(exposureId(receipts, 2)).isEqualTo(broker);
        assertThat(eventsOf(jdbc, broker)).containsExactly("ExposureDetected");
        assertThat(eventsOf(jdbc, breach)).containsExactly("ExposureDetected");

        Map<String, Object> row = feedRow(broker);
        assertThat(row).containsEntry("user_id", userId)
                .containsEntry("source_name", "Acme People Search")
                .containsEntry("source_kind", "DATA_BROKER")
                .containsEntry("data_types", List.of("EMAIL", "PHONE"))
                .containsEntry("severity", "HIGH")
                .containsEntry("status", "ACTIVE")
                .containsEntry("found_at", Instant.parse("2026-11-20T08:00:00Z"))
                .containsEntry("reappeared_count", 0)
                .containsEntry("version", 0L);
        assertThat(row.get("created_at")).isEqualTo(row.get("updated_at"));
        // the event keeps nanoseconds; PostgreSQL rounds to microseconds
        assertThat((Instant) row.get("created_at")).isCloseTo(detectedAt(broker), within(1, ChronoUnit.MICROS));
        assertThat(row.get("removal_requested_at")).isNull();
        assertThat(row.get("removed_at")).isNull();
        assertThat(feedRow(breach)).containsEntry("severity", "CRITICAL").containsEntry("source_kind", "BREACH");
    }

    @Test
    void aRetriedBatchAnswersTheSameExposuresAsDuplicatesAndWritesNothing() throws Exception {
        UUID userId = newUser();
        JsonNode first = findings(ingest(userId, BROKER, BREACH).andReturn().getResponse().getContentAsString());
        long events = eventCount(jdbc);

        JsonNode retry = findings(ingest(userId, BROKER, BREACH).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());

        assertThat(outcomes(retry)).containsExactly("DUPLICATE", "DUPLICATE");
        assertThat(List.of(exposureId(retry, 0), exposureId(retry, 1)))
                .containsExactly(exposureId(first, 0), exposureId(first, 1));
        assertThat(eventCount(jdbc)).isEqualTo(events);
    }

    @Test
    void theSameFindingForAnotherUserIsTheirOwnExposure() throws Exception {
        UUID ann = newUser();
        UUID bob = newUser();
        UUID annsExposure = exposureId(findings(ingest(ann, BROKER).andReturn().getResponse().getContentAsString()), 0);

        JsonNode bobs = findings(ingest(bob, BROKER).andReturn().getResponse().getContentAsString());

        assertThat(outcomes(bobs)).containsExactly("CREATED");
        assertThat(exposureId(bobs, 0)).isNotEqualTo(annsExposure);
    }

    @Test
    void aRemovedExposureFoundAgainReappears() throws Exception {
        UUID userId = newUser();
        UUID exposureId = exposureId(findings(ingest(userId, BROKER).andReturn().getResponse().getContentAsString()), 0);
        mvc.perform(post("/api/v1/exposures/{id}/removal-request", exposureId)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.user(userId))).andExpect(status().isAccepted());
        mvc.perform(post("/internal/v1/monitoring/exposures/{id}/removal-confirmation", exposureId)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.service())).andExpect(status().isOk());

        JsonNode receipts = findings(ingest(userId, BROKER_AGAIN, BROKER).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());

        assertThat(outcomes(receipts)).containsExactly("REAPPEARED", "DUPLICATE");
        assertThat(exposureId(receipts, 0)).isEqualTo(exposureId);
        assertThat(eventsOf(jdbc, exposureId)).containsExactly("ExposureDetected", "RemovalRequested",
                "RemovalConfirmed", "ExposureReappeared");
        Map<String, Object> row = feedRow(exposureId);
        assertThat(row).containsEntry("status", "ACTIVE")
                .containsEntry("severity", "LOW")
                .containsEntry("found_at", Instant.parse("2026-11-21T08:00:00Z"))
                .containsEntry("reappeared_count", 1)
                .containsEntry("version", 3L);
        assertThat(row.get("removed_at")).isNull();
        assertThat(row.get("removal_requested_at")).isNull();
        assertThat(row.get("created_at")).isNotEqualTo(row.get("updated_at"));
    }

    @Test
    void findingsForAUserIdentityNeverRegisteredAreA404NamingTheUserAndWriteNothing() throws Exception {
        long events = eventCount(jdbc);
        ingest(TimeOrderedIds.next(), BROKER)
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("userId"));
        assertThat(eventCount(jdbc)).isEqualTo(events);
    }

    @Test
    void aBatchWithOneBadEnumIsRejectedWholeNamingTheFinding() throws Exception {
        UUID userId = newUser();
        long events = eventCount(jdbc);
        ingest(userId, BROKER, BREACH, BREACH.replace("\"CRITICAL\"", "\"APOCALYPTIC\""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("findings[2].severity"))
                .andExpect(jsonPath("$.errors[0].message").value("must be one of LOW, MEDIUM, HIGH, CRITICAL"));
        assertThat(eventCount(jdbc)).isEqualTo(events);
        assertThat(claimsOf(userId)).isZero();
    }

    @Test
    void missingAndBlankFieldsAreNamedPerFindingAndNothingIsWritten() throws Exception {
        UUID userId = newUser();
        long events = eventCount(jdbc);
        ingest(userId, BROKER, """
                {"sourceName": "  ", "sourceKind": "PASTE", "dataTypes": [], "severity": "LOW"}""", "null")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder(
                        "findings[1].sourceName", "findings[1].dataTypes", "findings[1].foundAt", "findings[2]")));
        mvc.perform(post(path(userId)).header(HttpHeaders.AUTHORIZATION, TestTokens.service())
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("findings"));
        assertThat(eventCount(jdbc)).isEqualTo(events);
        assertThat(claimsOf(userId)).isZero();
    }

    /**
     * Values the projections could not write (issue 14: a NUL in a source name or a foundAt past PostgreSQL's range
     * stopped them; -5000 was stored as -infinity): the whole batch is refused, naming the finding's field.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Acme\\u0000Search        | 2026-11-20T08:00:00Z    | findings[3].sourceName | must not contain control characters or line breaks (found U+0000)
            Acme\\tSearch            | 2026-11-20T08:00:00Z    | findings[3].sourceName | must not contain control characters or line breaks (found U+0009)
            Acme\\u007fSearch        | 2026-11-20T08:00:00Z    | findings[3].sourceName | must not contain control characters or line breaks (found U+007F)
            Acme \\ud83d Search      | 2026-11-20T08:00:00Z    | findings[3].sourceName | must be well-formed Unicode (found the unpaired surrogate U+D83D)
            Acme People Search 2     | +294277-01-01T00:00:00Z | findings[3].foundAt    | must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59.999999Z
            Acme People Search 2     | -5000-01-01T00:00:00Z   | findings[3].foundAt    | must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59.999999Z
            Acme People Search 2     | 1969-12-31T23:59:59Z    | findings[3].foundAt    | must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59.999999Z
            """)
    void aFindingThePoliciesRefuseRejectsTheBatchNamingItsFieldAndNothingIsWritten(String sourceName, String foundAt,
            String field, String message) throws Exception {
        UUID userId = newUser();
        long events = eventCount(jdbc);
        String bad = """
                {"sourceName": "%s", "sourceKind": "DATA_BROKER", "dataTypes": ["EMAIL"], "severity": "HIGH",
                 "foundAt": "%s"}""".formatted(sourceName, foundAt);
        ingest(userId, BROKER, BREACH, PASTE, bad)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].message").value(message));
        assertThat(eventCount(jdbc)).isEqualTo(events);
        assertThat(claimsOf(userId)).isZero();
    }

    @Test
    void everyFindingThePoliciesRefuseIsNamed() throws Exception {
        UUID userId = newUser();
        long events = eventCount(jdbc);
        ingest(userId, BROKER, BREACH.replace("2026-11-22T09:30:00Z", "+10000-01-01T00:00:00Z"),
                PASTE.replace("pastebin.example/abc", "x".repeat(201)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder(
                        "findings[1].foundAt", "findings[2].sourceName")));
        assertThat(eventCount(jdbc)).isEqualTo(events);
    }

    /**
     * The request's constraints and the aggregate's are the same policies, so this cannot happen unless they drift
     * apart; should the aggregate refuse a finding the request let through, the answer names that finding's field
     * (a client error, not an interrupted batch), and the findings before it stay stored.
     */
    @Test
    void aFindingTheAggregateRefusesMidBatchIsNamedAsThatFindingsField() throws Exception {
        UUID userId = newUser();
        Registration interceptor = commandBus.registerDispatchInterceptor(messages -> (index, message) -> {
            if (message.getPayload() instanceof ReportFinding finding && finding.sourceName().equals("MegaLeak 2026")) {
                ReportFinding smuggled = new ReportFinding(finding.userId(), finding.newExposureId(), "Mega\u0000Leak",
                        finding.sourceKind(), finding.dataTypes(), finding.severity(), finding.foundAt());
                return new GenericCommandMessage<>(smuggled, message.getMetaData());
            }
            return message;
        });
        try {
            ingest(userId, BROKER, BREACH, PASTE)
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value("findings[1].sourceName"))
                    .andExpect(jsonPath("$.errors[0].message")
                            .value("must not contain control characters or line breaks (found U+0000)"));
            assertThat(claimsOf(userId)).as("the finding before it").isEqualTo(1);
        } finally {
            interceptor.cancel();
        }
    }

    @Test
    void anEmptyOrOversizedBatchIsA400NamingFindingsAndTheLimit() throws Exception {
        UUID userId = newUser();
        long events = eventCount(jdbc);
        ingest(userId)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("findings"))
                .andExpect(jsonPath("$.errors[0].message").value("must hold between 1 and 500 findings, not 0"));
        String[] tooMany = IntStream.range(0, 501)
                .mapToObj(i -> BROKER.replace("Acme People Search", "Broker " + i)).toArray(String[]::new);
        ingest(userId, tooMany)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("findings"))
                .andExpect(jsonPath("$.errors[0].message").value("must hold between 1 and 500 findings, not 501"));
        assertThat(eventCount(jdbc)).isEqualTo(events);
    }

    @Test
    void ingestionNeedsAServiceToken() throws Exception {
        UUID userId = newUser();
        mvc.perform(post(path(userId)).contentType(MediaType.APPLICATION_JSON).content(batch(BROKER)))
                .andExpect(status().isUnauthorized());
        mvc.perform(post(path(userId)).header(HttpHeaders.AUTHORIZATION, TestTokens.user(userId))
                        .contentType(MediaType.APPLICATION_JSON).content(batch(BROKER)))
                .andExpect(status().isForbidden());
        assertThat(claimsOf(userId)).isZero();
    }

    @Test
    void concurrentReportsOfOneFindingMakeOneExposure() throws Exception {
        UUID userId = newUser();
        List<Thread> threads = new ArrayList<>();
        List<String> bodies = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        for (int i = 0; i < 4; i++) {
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    start.await();
                    bodies.add(ingest(userId, BROKER).andExpect(status().isOk())
                            .andReturn().getResponse().getContentAsString());
                } catch (Exception e) {
                    bodies.add("failed: " + e);
                }
            }));
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }

        List<JsonNode> receipts = bodies.stream().map(this::findings).toList();
        assertThat(receipts).extracting(r -> r.get(0).get("outcome").asText())
                .containsExactlyInAnyOrder("CREATED", "DUPLICATE", "DUPLICATE", "DUPLICATE");
        assertThat(receipts.stream().map(r -> r.get(0).get("exposureId").asText()).distinct()).hasSize(1);
        assertThat(claimsOf(userId)).isEqualTo(1);
        assertThat(feedRowsOf(userId)).isEqualTo(1);
    }

    @Test
    void aBatchInterruptedMidwayKeepsWhatItStoredWholeAndARetryCompletesIt() throws Exception {
        UUID userId = newUser();
        AtomicBoolean failOnce = new AtomicBoolean(true);
        // fails the BREACH finding after its handler ran: claim inserted, event applied, then the failure
        Registration interceptor = commandBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            Object result = chain.proceed();
            if (unitOfWork.getMessage().getPayload() instanceof ReportFinding finding
                    && finding.sourceName().equals("MegaLeak 2026") && failOnce.getAndSet(false)) {
                throw new IllegalStateException("injected failure after the handler ran");
            }
            return result;
        });
        try {
            ingest(userId, BROKER, BREACH, PASTE)
                    .andExpect(status().isInternalServerError())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.storedFindings").value(1));
            problems.assertLogged(Level.ERROR, "event=finding_ingestion_interrupted findings[1] of 3");
            assertThat(claimsOf(userId)).as("the failed finding's claim rolled back with it").isEqualTo(1);
            // a failed batch answers without waiting for the read models: the stored finding's row follows
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> feedRowsOf(userId) == 1);

            JsonNode retry = findings(ingest(userId, BROKER, BREACH, PASTE).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString());

            assertThat(outcomes(retry)).containsExactly("DUPLICATE", "CREATED", "CREATED");
            assertThat(claimsOf(userId)).isEqualTo(3);
            assertThat(feedRowsOf(userId)).isEqualTo(3);
            for (int i = 0; i < 3; i++) {
                assertThat(eventsOf(jdbc, exposureId(retry, i))).containsExactly("ExposureDetected");
            }
        } finally {
            interceptor.cancel();
        }
    }

    private ResultActions ingest(UUID userId, String... findings) throws Exception {
        return mvc.perform(post(path(userId))
                .header(HttpHeaders.AUTHORIZATION, TestTokens.service())
                .contentType(MediaType.APPLICATION_JSON)
                .content(batch(findings)));
    }

    private static String path(UUID userId) {
        return "/internal/v1/monitoring/users/" + userId + "/findings";
    }

    private static String batch(String... findings) {
        return "{\"findings\": [" + String.join(",", findings) + "]}";
    }

    private JsonNode findings(String body) {
        try {
            return json.readTree(body).get("findings");
        } catch (Exception e) {
            throw new AssertionError("not a receipt list: " + body, e);
        }
    }

    private static List<String> outcomes(JsonNode receipts) {
        List<String> outcomes = new ArrayList<>();
        receipts.forEach(r -> outcomes.add(r.get("outcome").asText()));
        return outcomes;
    }

    private static UUID exposureId(JsonNode receipts, int index) {
        return UUID.fromString(receipts.get(index).get("exposureId").asText());
    }

    private Instant detectedAt(UUID exposureId) throws Exception {
        byte[] payload = jdbc.sql("""
                        SELECT payload FROM axon.domain_event_entry
                        WHERE aggregate_identifier = :id AND sequence_number = 0""")
                .param("id", exposureId.toString()).query(byte[].class).single();
        return Instant.parse(json.readTree(new String(payload, StandardCharsets.UTF_8)).get("detectedAt").asText());
    }

    private Map<String, Object> feedRow(UUID exposureId) {
        return jdbc.sql("""
                        SELECT user_id, source_name, source_kind, data_types, severity, status, found_at, created_at,
                               updated_at, removal_requested_at, removed_at, reappeared_count, last_failure_reason, version
                        FROM monitoring.exposure_feed WHERE exposure_id = :id""")
                .param("id", exposureId)
                .query((rs, n) -> {
                    Map<String, Object> row = new HashMap<>();
                    for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                        row.put(rs.getMetaData().getColumnName(c), plain(rs.getObject(c)));
                    }
                    return row;
                }).single();
    }

    private static Object plain(Object value) throws SQLException {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof Array array) {
            return Arrays.stream((Object[]) array.getArray()).map(Object::toString).collect(Collectors.toList());
        }
        return value;
    }

    private long feedRowsOf(UUID userId) {
        return jdbc.sql("SELECT count(*) FROM monitoring.exposure_feed WHERE user_id = :u").param("u", userId)
                .query(Long.class).single();
    }

    private long claimsOf(UUID userId) {
        return jdbc.sql("SELECT count(*) FROM monitoring.finding_claim WHERE user_id = :u").param("u", userId)
                .query(Long.class).single();
    }
}
