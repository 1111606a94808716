package dev.vigil.app.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.seeder.ReadModelTables;
import dev.vigil.platform.axon.ProjectionRebuilds;
import dev.vigil.platform.testing.TestTokens;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * One user's life across every module, driven through REST as the web app, the scanners and the payment
 * relay would: the events land in the event store, and every read table, above all the dashboard row,
 * shows exactly what happened. Billing's lifecycle job runs on its schedule while the event clock is
 * moved past the subscription's period end.
 */
@SpringBootTest(properties = "vigil.billing.lifecycle.interval=1s")
@AutoConfigureMockMvc
class ProductJourneyIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    @Autowired
    ProjectionRebuilds rebuilds;

    /** Processors that feed write-side tables or send commands: not rebuilt from scratch. */
    private static final java.util.Set<String> NOT_READ_MODELS = java.util.Set.of("alerting-policy",
            "billing-known-users", "monitoring-known-users");

    @AfterEach
    void restoreTheEventClock() {
        GenericEventMessage.clock = Clock.systemUTC();
    }

    @Test
    void exposuresRemovalsAlertsAndALapsedSubscriptionAddUpOnTheDashboard() throws Exception {
        UUID user = UUID.fromString(body(asService(post("/internal/v1/users"), """
                {"email": "journey@example.org", "displayName": "Journey", "timeZone": "Europe/Berlin"}""")
                .andExpect(status().isCreated())).get("id").asText());
        asUser(user, post("/api/v1/subscription"), """
                {"plan": "PLUS", "trial": false}""").andExpect(status().isCreated());

        List<UUID> exposures = ingest(user, finding("Acme People Data", "DATA_BROKER", "HIGH"),
                finding("MegaCorp breach", "BREACH", "CRITICAL"), finding("pastebin", "PASTE", "LOW"),
                finding("FindThem", "PEOPLE_SEARCH", "MEDIUM"));
        UUID broker = exposures.get(0);
        UUID breach = exposures.get(1);
        UUID peopleSearch = exposures.get(3);
        assertThat(ingest(user, finding("Acme People Data", "DATA_BROKER", "HIGH"))).containsExactly(broker);
        awaitAlerts(user, 3); // MEDIUM and above raise alerts; LOW does not

        asUser(user, post("/api/v1/exposures/{id}/removal-request", breach), "").andExpect(status().is2xxSuccessful());
        asService(post("/internal/v1/monitoring/exposures/{id}/removal-confirmation", breach), "")
                .andExpect(status().is2xxSuccessful());
        asUser(user, post("/api/v1/exposures/{id}/removal-request", peopleSearch), "").andExpect(status().is2xxSuccessful());
        asService(post("/internal/v1/monitoring/exposures/{id}/removal-failure", peopleSearch), """
                {"reason": "the site did not answer"}""").andExpect(status().is2xxSuccessful());
        assertThat(ingest(user, finding("MegaCorp breach", "BREACH", "CRITICAL"))).containsExactly(breach); // reappears
        awaitAlerts(user, 4);

        List<UUID> alerts = jdbc.sql("SELECT alert_id FROM alerting.alert_feed WHERE user_id = ? ORDER BY alert_id")
                .param(user).query(UUID.class).list();
        asUser(user, post("/api/v1/alerts/{id}/read", alerts.get(0)), "").andExpect(status().isOk());
        asUser(user, post("/api/v1/alerts/{id}/dismissal", alerts.get(1)), "").andExpect(status().isOk());
        asUser(user, post("/api/v1/alerts/read-all"), "").andExpect(status().is2xxSuccessful());

        asService(post("/internal/v1/billing/users/{id}/payment-failures", user), """
                {"reason": "card declined"}""").andExpect(status().isOk());
        awaitAlerts(user, 5);
        asUser(user, post("/api/v1/subscription/cancellation"), "").andExpect(status().isOk());

        // a month and more later, the lifecycle job lets the cancelled subscription lapse
        GenericEventMessage.clock = Clock.offset(Clock.systemUTC(), Duration.ofDays(40));
        Awaitility.await().atMost(PATIENCE).until(() -> "EXPIRED".equals(dashboard(user).get("subscription_status")));

        Map<String, Object> row = dashboard(user);
        assertThat(row).containsEntry("display_name", "Journey").containsEntry("plan", "PLUS")
                .containsEntry("exposures_active", 3).containsEntry("exposures_removal_requested", 0)
                .containsEntry("exposures_removed", 0).containsEntry("exposures_removal_failed", 1)
                .containsEntry("open_exposures_low", 1).containsEntry("open_exposures_medium", 1)
                .containsEntry("open_exposures_high", 1).containsEntry("open_exposures_critical", 1)
                .containsEntry("alerts_total", 5).containsEntry("alerts_unread", 1)
                .containsEntry("risk_score", 40);
        assertThat(eventTypes(user)).contains("UserRegistered", "SubscriptionStarted", "ExposureDetected",
                "RemovalRequested", "RemovalConfirmed", "RemovalFailed", "ExposureReappeared", "AlertRaised",
                "AlertRead", "AlertDismissed", "AllAlertsMarkedRead", "PaymentFailed", "SubscriptionCancelled",
                "SubscriptionExpired");
        assertThat(jdbc.sql("SELECT status FROM alerting.alert_feed WHERE user_id = ? ORDER BY alert_id").param(user)
                .query(String.class).list()).containsExactly("READ", "DISMISSED", "READ", "READ", "UNREAD");
        assertThat(jdbc.sql("SELECT status FROM billing.subscription_view WHERE user_id = ?").param(user)
                .query(String.class).single()).isEqualTo("EXPIRED");

        everyReadModelRebuildsToTheSameRows();
    }

    /** Replays every read model from an empty table and compares it, row for row, with what was built live. */
    private void everyReadModelRebuildsToTheSameRows() throws InterruptedException {
        for (Map.Entry<String, List<ReadModelTables.Table>> model : ReadModelTables.all().entrySet()) {
            Map<String, String> live = ReadModelTables.checksums(jdbc, model.getValue());
            rebuilds.rebuild(model.getKey(), progress -> { });
            assertThat(ReadModelTables.checksums(jdbc, model.getValue())).as(model.getKey()).isEqualTo(live);
        }
        assertThat(ReadModelTables.all().keySet()).as("every read model is covered")
                .containsExactlyInAnyOrderElementsOf(rebuilds.processorNames().stream()
                        .filter(name -> !NOT_READ_MODELS.contains(name)).toList());
    }

    private List<UUID> ingest(UUID user, String... findings) throws Exception {
        JsonNode receipts = body(asService(post("/internal/v1/monitoring/users/{id}/findings", user),
                "{\"findings\": [" + String.join(",", findings) + "]}").andExpect(status().isOk())).get("findings");
        return java.util.stream.StreamSupport.stream(receipts.spliterator(), false)
                .map(receipt -> UUID.fromString(receipt.get("exposureId").asText())).toList();
    }

    private static String finding(String source, String kind, String severity) {
        return """
                {"sourceName": "%s", "sourceKind": "%s", "dataTypes": ["EMAIL", "PHONE"], "severity": "%s",
                 "foundAt": "2026-11-01T10:00:00Z"}""".formatted(source, kind, severity);
    }

    private void awaitAlerts(UUID user, int count) {
        // alerts are raised by alerting's policy reacting to the events, a moment after the command returns
        Awaitility.await().atMost(PATIENCE).until(() -> ((Number) dashboard(user).get("alerts_total")).intValue() == count);
    }

    private Map<String, Object> dashboard(UUID user) {
        return jdbc.sql("""
                        SELECT display_name, plan, subscription_status, exposures_active, exposures_removal_requested,
                               exposures_removed, exposures_removal_failed, open_exposures_low, open_exposures_medium,
                               open_exposures_high, open_exposures_critical, alerts_total, alerts_unread, risk_score
                        FROM dashboard.dashboard_summary WHERE user_id = ?""")
                .param(user).query().singleRow();
    }

    private List<String> eventTypes(UUID user) {
        return jdbc.sql("""
                        SELECT DISTINCT substring(payload_type from '[^.]+$') FROM axon.domain_event_entry
                        WHERE convert_from(payload, 'UTF8')::jsonb ->> 'userId' = ?""")
                .param(user.toString()).query(String.class).list();
    }

    private ResultActions asUser(UUID user, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            String body) throws Exception {
        return send(request.header(HttpHeaders.AUTHORIZATION, TestTokens.user(user)), body);
    }

    private ResultActions asService(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            String body) throws Exception {
        return send(request.header(HttpHeaders.AUTHORIZATION, TestTokens.service()), body);
    }

    private ResultActions send(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            String body) throws Exception {
        if (!body.isEmpty()) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request);
    }

    private JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }
}
