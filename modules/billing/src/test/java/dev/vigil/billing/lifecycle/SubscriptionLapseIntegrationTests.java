package dev.vigil.billing.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.vigil.billing.BillingTestApplication;
import dev.vigil.billing.EventClock;
import dev.vigil.billing.IdentityEvents;
import dev.vigil.billing.api.SubscriptionId;
import dev.vigil.platform.testing.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
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
 * A subscription that lapses, end to end: cancelled over REST, noticed by the lifecycle job a few days
 * before its period end, expired by it at the period end, and started again afterwards.
 */
@SpringBootTest(classes = BillingTestApplication.class)
@AutoConfigureMockMvc
class SubscriptionLapseIntegrationTests {

    private static final String API = "dev.vigil.billing.api.";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventStore events;

    @Autowired
    SubscriptionLifecycleJob job;

    @Test
    void aCancelledSubscriptionIsNoticedThenExpiredAndCanBeStartedAgain() throws Exception {
        UUID userId = IdentityEvents.registerUser(events, jdbc);
        send(userId, post("/api/v1/subscription"), "{\"plan\": \"PLUS\", \"trial\": false}").andExpect(status().isCreated());
        send(userId, post("/api/v1/subscription/cancellation"), null).andExpect(status().isOk());
        Instant end = instant(row(userId).get("current_period_end"));
        assertThat(row(userId)).containsEntry("status", "CANCELLED").containsEntry("version", 1L);

        runAt(end.minus(Duration.ofDays(4)));
        assertThat(row(userId)).as("not yet inside the notice window").containsEntry("expiry_noticed_at", null);

        Instant noticedAt = end.minus(Duration.ofDays(2));
        runAt(noticedAt);
        runAt(end.minus(Duration.ofDays(1)));
        assertThat(eventTypes(userId)).containsExactly(API + "SubscriptionStarted", API + "SubscriptionCancelled",
                API + "SubscriptionExpiring");
        Map<String, Object> noticed = row(userId);
        assertThat(noticed).containsEntry("status", "CANCELLED").containsEntry("version", 2L);
        assertThat(instant(noticed.get("expiry_noticed_at"))).isEqualTo(noticedAt);
        assertThat(instant(noticed.get("updated_at"))).isEqualTo(noticedAt);

        runAt(end.minusNanos(1000));
        assertThat(row(userId)).containsEntry("status", "CANCELLED");
        runAt(end);
        runAt(end.plusSeconds(60));
        assertThat(eventTypes(userId)).endsWith(API + "SubscriptionExpiring", API + "SubscriptionExpired").hasSize(4);
        Map<String, Object> expired = row(userId);
        assertThat(expired).containsEntry("status", "EXPIRED").containsEntry("plan", "PLUS").containsEntry("version", 3L);
        assertThat(instant(expired.get("updated_at"))).isEqualTo(end);

        long before = eventTypes(userId).size();
        send(userId, put("/api/v1/subscription/plan"), "{\"plan\": \"FAMILY\"}")
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        send(userId, post("/api/v1/subscription/cancellation"), null).andExpect(status().isConflict());
        assertThat(eventTypes(userId)).hasSize((int) before);

        send(userId, post("/api/v1/subscription"), "{\"plan\": \"FAMILY\", \"trial\": true}").andExpect(status().isCreated());
        assertThat(eventTypes(userId)).hasSize(5).last().isEqualTo(API + "SubscriptionStarted");
        assertThat(row(userId)).containsEntry("status", "TRIALING").containsEntry("plan", "FAMILY")
                .containsEntry("trial", true).containsEntry("cancelled_at", null)
                .containsEntry("expiry_noticed_at", null).containsEntry("version", 4L);
    }

    private void runAt(Instant now) {
        EventClock.at(now, () -> job.run(now));
    }

    private ResultActions send(UUID userId,
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String body)
            throws Exception {
        request.header(HttpHeaders.AUTHORIZATION, TestTokens.user(userId));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request);
    }

    private List<String> eventTypes(UUID userId) {
        return jdbc.sql("""
                        SELECT payload_type FROM axon.domain_event_entry WHERE aggregate_identifier = :id
                        ORDER BY sequence_number""")
                .param("id", SubscriptionId.of(userId)).query(String.class).list();
    }

    private Map<String, Object> row(UUID userId) {
        return jdbc.sql("""
                        SELECT plan, status, trial, current_period_end, cancelled_at, updated_at, expiry_noticed_at,
                               version
                        FROM billing.subscription_view WHERE user_id = :id""")
                .param("id", userId).query().singleRow();
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime time ? time.toInstant() : ((java.sql.Timestamp) value).toInstant();
    }
}
