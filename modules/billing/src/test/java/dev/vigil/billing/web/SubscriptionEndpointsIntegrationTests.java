package dev.vigil.billing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.billing.BillingTestApplication;
import dev.vigil.billing.IdentityEvents;
import dev.vigil.billing.api.SubscriptionId;
import dev.vigil.platform.sql.RequestStatements;
import dev.vigil.platform.testing.ExpectedLogs;
import dev.vigil.platform.testing.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AbstractRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Every billing command through REST against the real database: the events in the event store and the
 * row in {@code billing.subscription_view} after each.
 */
@SpringBootTest(classes = BillingTestApplication.class)
@AutoConfigureMockMvc
class SubscriptionEndpointsIntegrationTests {

    /** Axon's warning for a command whose aggregate refuses it: the platform keeps it out of the service's log. */
    @RegisterExtension
    final ExpectedLogs rejections = ExpectedLogs.from(AbstractRepository.class);

    static final String STARTED = "dev.vigil.billing.api.SubscriptionStarted";
    static final String PLAN_CHANGED = "dev.vigil.billing.api.PlanChanged";
    static final String CANCELLED = "dev.vigil.billing.api.SubscriptionCancelled";
    static final String RENEWED = "dev.vigil.billing.api.SubscriptionRenewed";
    static final String PAYMENT_FAILED = "dev.vigil.billing.api.PaymentFailed";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    @Autowired
    EventStore events;

    @Test
    void startingAppendsSubscriptionStartedAndProjectsTheRow() throws Exception {
        UUID userId = registered();

        start(userId, """
                {"plan": "PLUS", "trial": true}""")
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, "/api/v1/me/subscription"))
                .andExpect(jsonPath("$.subscriptionId").value("subscription-" + userId))
                .andExpect(jsonPath("$.userId").value(userId.toString()));

        assertThat(eventTypes(userId)).containsExactly(STARTED);
        JsonNode payload = payload(userId, 0);
        Instant startedAt = Instant.parse(payload.get("startedAt").asText());
        assertThat(payload.get("plan").asText()).isEqualTo("PLUS");
        assertThat(payload.get("trial").asBoolean()).isTrue();
        assertThat(Instant.parse(payload.get("currentPeriodEnd").asText())).isEqualTo(startedAt.plus(Duration.ofDays(14)));

        Map<String, Object> row = row(userId);
        assertThat(row).containsEntry("plan", "PLUS").containsEntry("status", "TRIALING").containsEntry("trial", true)
                .containsEntry("cancelled_at", null).containsEntry("expiry_noticed_at", null).containsEntry("version", 0L);
        assertThat(instant(row, "started_at")).isEqualTo(startedAt);
        assertThat(instant(row, "updated_at")).isEqualTo(startedAt);
        assertThat(instant(row, "current_period_end")).isEqualTo(startedAt.plus(Duration.ofDays(14)));
    }

    @Test
    void aPaidStartRunsOneMonth() throws Exception {
        UUID userId = registered();
        start(userId, """
                {"plan": "FAMILY", "trial": false}""").andExpect(status().isCreated());

        Map<String, Object> row = row(userId);
        assertThat(row).containsEntry("plan", "FAMILY").containsEntry("status", "ACTIVE").containsEntry("trial", false);
        assertThat(instant(row, "current_period_end"))
                .isEqualTo(instant(row, "started_at").atOffset(java.time.ZoneOffset.UTC).plusMonths(1).toInstant());
    }

    @Test
    void theSamePlanAgainAndASecondCancellationWriteNoEvent() throws Exception {
        UUID userId = startedSubscription("PLUS", false);

        changePlan(userId, "FAMILY").andExpect(status().isOk()).andExpect(jsonPath("$.subscriptionId").value("subscription-" + userId));
        changePlan(userId, "FAMILY").andExpect(status().isOk());
        assertThat(row(userId)).containsEntry("plan", "FAMILY").containsEntry("version", 1L);

        cancel(userId).andExpect(status().isOk()).andExpect(jsonPath("$.userId").value(userId.toString()));
        cancel(userId).andExpect(status().isOk());

        assertThat(eventTypes(userId)).containsExactly(STARTED, PLAN_CHANGED, CANCELLED);
        Map<String, Object> row = row(userId);
        assertThat(row).containsEntry("status", "CANCELLED").containsEntry("plan", "FAMILY").containsEntry("version", 2L);
        Instant cancelledAt = Instant.parse(payload(userId, 2).get("cancelledAt").asText());
        assertThat(instant(row, "cancelled_at")).isEqualTo(cancelledAt);
        assertThat(instant(row, "updated_at")).isEqualTo(cancelledAt);
    }

    @Test
    void theProvidersWebhooksMarkPastDueAndRenewAndRedeliveryChangesNothing() throws Exception {
        UUID userId = startedSubscription("PLUS", true);
        Instant trialEnd = instant(row(userId), "current_period_end");

        paymentFailed(userId, """
                {"reason": " card declined "}""").andExpect(status().isOk())
                .andExpect(jsonPath("$.subscriptionId").value("subscription-" + userId));
        paymentFailed(userId, """
                {"reason": "card declined"}""").andExpect(status().isOk());
        assertThat(row(userId)).containsEntry("status", "PAST_DUE").containsEntry("trial", true);
        assertThat(payload(userId, 1).get("reason").asText()).isEqualTo("card declined");

        Instant nextEnd = trialEnd.plus(Duration.ofDays(30)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String renewal = "{\"periodEnd\": \"" + nextEnd + "\"}";
        renewed(userId, renewal).andExpect(status().isOk());
        renewed(userId, renewal).andExpect(status().isOk());
        renewed(userId, "{\"periodEnd\": \"" + trialEnd + "\"}").andExpect(status().isOk());

        assertThat(eventTypes(userId)).containsExactly(STARTED, PAYMENT_FAILED, RENEWED);
        Map<String, Object> row = row(userId);
        assertThat(row).containsEntry("status", "ACTIVE").containsEntry("trial", false).containsEntry("version", 2L);
        assertThat(instant(row, "current_period_end")).isEqualTo(nextEnd);
    }

    @Test
    void retryingAStartWithTheSameIdempotencyKeyAnswersTheSameAndStartsOnce() throws Exception {
        UUID userId = registered();
        String key = UUID.randomUUID().toString();
        String body = """
                {"plan": "PLUS", "trial": false}""";
        String first = start(userId, body, key).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        start(userId, body, key).andExpect(status().isCreated())
                .andExpect(header().string("Idempotency-Replayed", "true"))
                .andExpect(content().string(first));
        assertThat(eventTypes(userId)).containsExactly(STARTED);
    }

    // --- rejections: 4xx problem+json, and no event ---

    @Test
    void anUnknownUserIs404AndWritesNoEvent() throws Exception {
        UUID stranger = UUID.randomUUID();
        long before = eventCount();

        expectProblem(start(stranger, """
                {"plan": "PLUS", "trial": false}"""), 404);
        expectProblem(renewed(stranger, """
                {"periodEnd": "2030-01-01T00:00:00Z"}"""), 404);
        expectProblem(paymentFailed(stranger, """
                {"reason": "card declined"}"""), 404);
        assertThat(eventCount()).isEqualTo(before);
        assertThat(rejections.events()).as("a refused command leaves no warning").isEmpty();
    }

    @Test
    void aRegisteredUserWithoutASubscriptionHasNothingToChange() throws Exception {
        UUID userId = registered();
        long before = eventCount();
        expectProblem(changePlan(userId, "FAMILY"), 404);
        expectProblem(cancel(userId), 404);
        assertThat(eventCount()).isEqualTo(before);
        assertThat(rejections.events()).as("a refused command leaves no warning").isEmpty();
    }

    @Test
    void badOrMissingFieldsAre400NamingTheFieldAndWriteNoEvent() throws Exception {
        UUID userId = registered();
        long before = eventCount();

        expectProblem(start(userId, """
                {"plan": "GOLD", "trial": false}"""), 400)
                .andExpect(jsonPath("$.errors[0].field").value("plan"))
                .andExpect(jsonPath("$.errors[0].message").value("must be one of FREE, PLUS, FAMILY"));
        expectProblem(start(userId, """
                {"plan": "PLUS"}"""), 400)
                .andExpect(jsonPath("$.errors[0].field").value("trial"));
        expectProblem(start(userId, "{}"), 400)
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("plan", "trial")));
        expectProblem(start(userId, "{\"plan\": "), 400).andExpect(jsonPath("$.errors[0].field").value("body"));
        expectProblem(changePlan(userId, "platinum"), 400).andExpect(jsonPath("$.errors[0].field").value("plan"));
        expectProblem(renewed(userId, """
                {"periodEnd": "next tuesday"}"""), 400).andExpect(jsonPath("$.errors[0].field").value("periodEnd"));
        expectProblem(renewed(userId, "{}"), 400).andExpect(jsonPath("$.errors[0].field").value("periodEnd"));
        expectProblem(paymentFailed(userId, """
                {"reason": "  "}"""), 400).andExpect(jsonPath("$.errors[0].field").value("reason"));
        expectProblem(mvc.perform(post("/internal/v1/billing/users/not-a-uuid/renewals")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.service()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"periodEnd\": \"2030-01-01T00:00:00Z\"}")), 400)
                .andExpect(jsonPath("$.errors[0].field").value("userId"));
        assertThat(eventCount()).isEqualTo(before);
    }

    /** Instants PostgreSQL cannot store, or stores as -infinity (issue 14): refused before any event. */
    @ParameterizedTest
    @ValueSource(strings = {"+294277-01-01T00:00:00Z", "-5000-01-01T00:00:00Z", "+10000-01-01T00:00:00Z",
            "1969-12-31T23:59:59Z"})
    void aRenewalOutsideTheInstantPolicyIs400NamingPeriodEndAndWritesNoEvent(String periodEnd) throws Exception {
        UUID userId = startedSubscription("PLUS", false);
        long before = eventCount();

        expectProblem(renewed(userId, "{\"periodEnd\": \"" + periodEnd + "\"}"), 400)
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("periodEnd"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59.999999Z"));
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void theLastStorableInstantIsARenewalTheViewShows() throws Exception {
        UUID userId = startedSubscription("PLUS", false);
        renewed(userId, """
                {"periodEnd": "9999-12-31T23:59:59.999999Z"}""").andExpect(status().isOk());
        assertThat(instant(row(userId), "current_period_end")).isEqualTo(Instant.parse("9999-12-31T23:59:59.999999Z"));
    }

    /** Text the projections or the alert a failure raises could not store (issue 14): refused before any event. */
    @ParameterizedTest
    @ValueSource(strings = {"card\\u0000declined", "card\\ndeclined", "card \\udbff declined", "\\u009b"})
    void aPaymentFailureReasonTheTextPolicyRefusesIs400NamingReasonAndWritesNoEvent(String reason) throws Exception {
        UUID userId = startedSubscription("PLUS", false);
        long before = eventCount();

        expectProblem(paymentFailed(userId, "{\"reason\": \"" + reason + "\"}"), 400)
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        expectProblem(paymentFailed(userId, "{\"reason\": \"" + "r".repeat(201) + "\"}"), 400)
                .andExpect(jsonPath("$.errors[0].field").value("reason"))
                .andExpect(jsonPath("$.errors[0].message").value("must be at most 200 characters long, not 201"));
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aSecondStartIs409AndWritesNoEvent() throws Exception {
        UUID userId = startedSubscription("PLUS", true);
        cancel(userId).andExpect(status().isOk());
        long before = eventCount();

        expectProblem(start(userId, """
                {"plan": "FAMILY", "trial": false}"""), 409)
                .andExpect(jsonPath("$.type").value("https://vigil.dev/problems/subscription-already-started"))
                .andExpect(jsonPath("$.subscriptionStatus").value("CANCELLED"));
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aCancelledSubscriptionTakesNoPaymentFailure() throws Exception {
        UUID userId = startedSubscription("PLUS", false);
        cancel(userId).andExpect(status().isOk());
        long before = eventCount();

        expectProblem(paymentFailed(userId, """
                {"reason": "late webhook"}"""), 409)
                .andExpect(jsonPath("$.type").value("https://vigil.dev/problems/subscription-status-conflict"));
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void userAndInternalEndpointsNeedTheirOwnKindOfToken() throws Exception {
        UUID userId = registered();
        mvc.perform(post("/api/v1/subscription").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"plan\": \"PLUS\", \"trial\": false}"))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/subscription").header(HttpHeaders.AUTHORIZATION, TestTokens.service())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"plan\": \"PLUS\", \"trial\": false}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/internal/v1/billing/users/{userId}/renewals", userId)
                        .header(HttpHeaders.AUTHORIZATION, TestTokens.user(userId))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"periodEnd\": \"2030-01-01T00:00:00Z\"}"))
                .andExpect(status().isForbidden());
        assertThat(eventTypes(userId)).isEmpty();
    }

    @Test
    void theCallerReadsTheirSubscriptionFromTheCacheUntilItChanges() throws Exception {
        UUID userId = startedSubscription("PLUS", true);

        MvcResult first = mine(userId).andExpect(jsonPath("$.status").value("TRIALING")).andReturn();
        assertThat(first.getRequest().getAttribute(RequestStatements.REQUEST_ATTRIBUTE)).isEqualTo(1);
        MvcResult cached = mine(userId).andExpect(jsonPath("$.plan").value("PLUS")).andReturn();
        assertThat(cached.getRequest().getAttribute(RequestStatements.REQUEST_ATTRIBUTE)).as("cache hit").isEqualTo(0);

        cancel(userId).andExpect(status().isOk());
        mine(userId).andExpect(jsonPath("$.status").value("CANCELLED"));
    }

    @Test
    void withoutASubscriptionTheReadIs404() throws Exception {
        mvc.perform(get("/api/v1/me/subscription").header(HttpHeaders.AUTHORIZATION, TestTokens.user(registered())))
                .andExpect(status().isNotFound());
    }

    private ResultActions mine(UUID userId) throws Exception {
        return mvc.perform(get("/api/v1/me/subscription").header(HttpHeaders.AUTHORIZATION, TestTokens.user(userId)))
                .andExpect(status().isOk());
    }

    // --- helpers ---

    private UUID registered() {
        return IdentityEvents.registerUser(events, jdbc);
    }

    private UUID startedSubscription(String plan, boolean trial) throws Exception {
        UUID userId = registered();
        start(userId, "{\"plan\": \"" + plan + "\", \"trial\": " + trial + "}").andExpect(status().isCreated());
        return userId;
    }

    ResultActions start(UUID userId, String body) throws Exception {
        return mvc.perform(post("/api/v1/subscription").header(HttpHeaders.AUTHORIZATION, TestTokens.user(userId))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions start(UUID userId, String body, String idempotencyKey) throws Exception {
        return mvc.perform(post("/api/v1/subscription").header(HttpHeaders.AUTHORIZATION, TestTokens.user(userId))
                .header("Idempotency-Key", idempotencyKey).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions changePlan(UUID userId, String plan) throws Exception {
        return mvc.perform(put("/api/v1/subscription/plan").header(HttpHeaders.AUTHORIZATION, TestTokens.user(userId))
                .contentType(MediaType.APPLICATION_JSON).content("{\"plan\": \"" + plan + "\"}"));
    }

    private ResultActions cancel(UUID userId) throws Exception {
        return mvc.perform(post("/api/v1/subscription/cancellation")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.user(userId)));
    }

    private ResultActions renewed(UUID userId, String body) throws Exception {
        return mvc.perform(post("/internal/v1/billing/users/{userId}/renewals", userId)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.service())
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions paymentFailed(UUID userId, String body) throws Exception {
        return mvc.perform(post("/internal/v1/billing/users/{userId}/payment-failures", userId)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.service())
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static ResultActions expectProblem(ResultActions result, int status) throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    private List<String> eventTypes(UUID userId) {
        return jdbc.sql("""
                        SELECT payload_type FROM axon.domain_event_entry WHERE aggregate_identifier = :id
                        ORDER BY sequence_number""")
                .param("id", SubscriptionId.of(userId)).query(String.class).list();
    }

    private JsonNode payload(UUID userId, long sequenceNumber) throws Exception {
        byte[] payload = jdbc.sql("""
                        SELECT payload FROM axon.domain_event_entry
                        WHERE aggregate_identifier = :id AND sequence_number = :seq""")
                .param("id", SubscriptionId.of(userId)).param("seq", sequenceNumber).query(byte[].class).single();
        return json.readTree(new String(payload, StandardCharsets.UTF_8));
    }

    private long eventCount() {
        return jdbc.sql("SELECT count(*) FROM axon.domain_event_entry").query(Long.class).single();
    }

    private Map<String, Object> row(UUID userId) {
        return jdbc.sql("""
                        SELECT plan, status, trial, current_period_end, started_at, cancelled_at, updated_at,
                               expiry_noticed_at, version
                        FROM billing.subscription_view WHERE user_id = :id""")
                .param("id", userId).query().singleRow();
    }

    private static Instant instant(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value instanceof OffsetDateTime time ? time.toInstant() : ((java.sql.Timestamp) value).toInstant();
    }
}
