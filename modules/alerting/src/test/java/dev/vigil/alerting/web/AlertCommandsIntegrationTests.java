package dev.vigil.alerting.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.alerting.AlertingTestApplication;
import dev.vigil.alerting.StoredEvents;
import dev.vigil.alerting.api.AlertCategory;
import dev.vigil.alerting.api.AlertDismissed;
import dev.vigil.alerting.api.AlertRead;
import dev.vigil.alerting.api.AlertSeverity;
import dev.vigil.alerting.api.AllAlertsMarkedRead;
import dev.vigil.alerting.api.RaiseAlert;
import dev.vigil.monitoring.api.DataType;
import dev.vigil.monitoring.api.ExposureDetected;
import dev.vigil.monitoring.api.Severity;
import dev.vigil.monitoring.api.SourceKind;
import dev.vigil.platform.axon.ConsistentCommandGateway;
import dev.vigil.platform.id.TimeOrderedIds;
import dev.vigil.platform.testing.ExpectedLogs;
import dev.vigil.platform.testing.TestTokens;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AbstractRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Reading, dismissing and marking all alerts read over REST, against the real database: the events in the event
 * store, the rows of {@code alerting.alert_feed} (visible when the response arrives), and what a caller may not do.
 */
@SpringBootTest(classes = AlertingTestApplication.class)
@AutoConfigureMockMvc
class AlertCommandsIntegrationTests {

    /** Axon's warning for a command whose aggregate refuses it: the platform keeps it out of the service's log. */
    @RegisterExtension
    final ExpectedLogs rejections = ExpectedLogs.from(AbstractRepository.class);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    @Autowired
    ConsistentCommandGateway commands;

    @Autowired
    EventStore eventStore;

    private StoredEvents events;

    @BeforeEach
    void setUp() {
        events = new StoredEvents(eventStore, jdbc);
    }

    @Test
    void readingAnAlertAppendsAlertReadAndTheListShowsItRead() throws Exception {
        UUID userId = TimeOrderedIds.next();
        UUID alertId = raise(userId);

        command(userId, "/api/v1/alerts/" + alertId + "/read")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(alertId.toString()));

        List<JsonNode> read = events.of(AlertRead.class, userId);
        assertThat(read).singleElement().satisfies(e -> assertThat(e.get("alertId").asText()).isEqualTo(alertId.toString()));
        Timestamp readAt = events.asStored(read.getFirst().get("readAt"));
        assertThat(row(alertId)).containsEntry("status", "READ").containsEntry("read_at", readAt)
                .containsEntry("updated_at", readAt).containsEntry("dismissed_at", null);

        command(userId, "/api/v1/alerts/" + alertId + "/read").andExpect(status().isOk());
        assertThat(events.of(AlertRead.class, userId)).as("reading twice is one event").hasSize(1);
    }

    @Test
    void dismissingAnAlertAppendsAlertDismissedOnceAndReadingItAfterwardsChangesNothing() throws Exception {
        UUID userId = TimeOrderedIds.next();
        UUID alertId = raise(userId);

        command(userId, "/api/v1/alerts/" + alertId + "/dismissal")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(alertId.toString()));
        command(userId, "/api/v1/alerts/" + alertId + "/dismissal").andExpect(status().isOk());
        command(userId, "/api/v1/alerts/" + alertId + "/read").andExpect(status().isOk());

        List<JsonNode> dismissed = events.of(AlertDismissed.class, userId);
        assertThat(dismissed).hasSize(1);
        assertThat(events.of(AlertRead.class, userId)).isEmpty();
        Timestamp dismissedAt = events.asStored(dismissed.getFirst().get("dismissedAt"));
        assertThat(row(alertId)).containsEntry("status", "DISMISSED").containsEntry("dismissed_at", dismissedAt)
                .containsEntry("read_at", null).containsEntry("updated_at", dismissedAt);
    }

    @Test
    void readAllMarksEveryUnreadAlertWithOneEventAndLeavesTheRestAlone() throws Exception {
        UUID userId = TimeOrderedIds.next();
        List<UUID> alerts = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            alerts.add(raise(userId));
        }
        UUID readBefore = alerts.get(0);
        UUID dismissedBefore = alerts.get(1);
        command(userId, "/api/v1/alerts/" + readBefore + "/read").andExpect(status().isOk());
        command(userId, "/api/v1/alerts/" + dismissedBefore + "/dismissal").andExpect(status().isOk());
        Map<String, Object> readBeforeRow = row(readBefore);
        Map<String, Object> dismissedBeforeRow = row(dismissedBefore);
        UUID otherUser = TimeOrderedIds.next();
        UUID otherUsersAlert = raise(otherUser);
        long stored = events.count();

        command(userId, "/api/v1/alerts/read-all").andExpect(status().isNoContent());

        assertThat(events.count()).as("one event for all 58 unread alerts").isEqualTo(stored + 1);
        List<JsonNode> marked = events.of(AllAlertsMarkedRead.class, userId);
        assertThat(marked).hasSize(1);
        Timestamp markedAt = events.asStored(marked.getFirst().get("markedAt"));
        for (UUID alertId : alerts.subList(2, alerts.size())) {
            assertThat(row(alertId)).containsEntry("status", "READ").containsEntry("read_at", markedAt)
                    .containsEntry("updated_at", markedAt);
        }
        assertThat(row(readBefore)).isEqualTo(readBeforeRow);
        assertThat(row(dismissedBefore)).isEqualTo(dismissedBeforeRow);
        assertThat(row(otherUsersAlert)).containsEntry("status", "UNREAD");

        // an alert covered by "read all" is read: reading it adds nothing
        command(userId, "/api/v1/alerts/" + alerts.get(30) + "/read").andExpect(status().isOk());
        assertThat(events.of(AlertRead.class, userId)).hasSize(1);

        // "read all" covers the alerts raised before it, not after
        UUID raisedAfter = raise(userId);
        assertThat(row(raisedAfter)).containsEntry("status", "UNREAD");
        command(userId, "/api/v1/alerts/" + raisedAfter + "/read").andExpect(status().isOk());
        assertThat(events.of(AlertRead.class, userId)).hasSize(2);
        assertThat(row(raisedAfter)).containsEntry("status", "READ");
    }

    @Test
    void anotherUsersAlertIsNotFoundExactlyLikeAMissingOne() throws Exception {
        UUID owner = TimeOrderedIds.next();
        UUID stranger = TimeOrderedIds.next();
        UUID alertId = raise(owner);
        Map<String, Object> before = row(alertId);
        long stored = events.count();

        for (String action : List.of("read", "dismissal")) {
            JsonNode foreign = notFound(stranger, "/api/v1/alerts/" + alertId + "/" + action);
            JsonNode missing = notFound(stranger, "/api/v1/alerts/" + TimeOrderedIds.next() + "/" + action);
            assertThat(foreign).isEqualTo(missing);
            assertThat(foreign.get("type").asText()).isEqualTo("https://vigil.dev/problems/not-found");
        }

        assertThat(events.count()).as("a rejected command writes no event").isEqualTo(stored);
        assertThat(row(alertId)).isEqualTo(before);
        assertThat(rejections.events()).as("a refused command leaves no warning").isEmpty();
    }

    @Test
    void theIdOfSomethingThatIsNotAnAlertIsNotFound() throws Exception {
        UUID userId = TimeOrderedIds.next();
        UUID exposureId = TimeOrderedIds.next();
        Instant now = Instant.now();
        events.append("Exposure", exposureId.toString(), 0, new ExposureDetected(exposureId, userId, "Some Paste",
                SourceKind.PASTE, List.of(DataType.EMAIL), Severity.LOW, now, now));
        long stored = events.count();

        notFound(userId, "/api/v1/alerts/" + exposureId + "/read");
        notFound(userId, "/api/v1/alerts/" + exposureId + "/dismissal");

        assertThat(events.count()).isEqualTo(stored);
        assertThat(rejections.events()).as("a refused command leaves no warning").isEmpty();
    }

    @Test
    void aMalformedIdIsA400NamingAlertId() throws Exception {
        UUID userId = TimeOrderedIds.next();
        long stored = events.count();
        for (String action : List.of("read", "dismissal")) {
            command(userId, "/api/v1/alerts/not-an-id/" + action)
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value("alertId"));
        }
        assertThat(events.count()).isEqualTo(stored);
    }

    @Test
    void withoutATokenNothingHappens() throws Exception {
        UUID userId = TimeOrderedIds.next();
        UUID alertId = raise(userId);
        mvc.perform(post("/api/v1/alerts/" + alertId + "/read")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/alerts/read-all")).andExpect(status().isUnauthorized());
        assertThat(row(alertId)).containsEntry("status", "UNREAD");
    }

    private UUID raise(UUID userId) {
        UUID alertId = TimeOrderedIds.next();
        commands.send(new RaiseAlert(alertId, userId, AlertCategory.PAYMENT_FAILED, AlertSeverity.HIGH,
                "Payment for your Plus plan failed", null, null));
        return alertId;
    }

    private ResultActions command(UUID userId, String path) throws Exception {
        return mvc.perform(post(path).header(HttpHeaders.AUTHORIZATION, TestTokens.user(userId)));
    }

    /** The 404 problem body, without {@code instance} (the request path). */
    private JsonNode notFound(UUID userId, String path) throws Exception {
        String body = command(userId, path)
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andReturn().getResponse().getContentAsString();
        ObjectNode problem = (ObjectNode) json.readTree(body);
        problem.remove("instance");
        return problem;
    }

    private Map<String, Object> row(UUID alertId) {
        return jdbc.sql("""
                        SELECT user_id, category, severity, status, title, exposure_id, source_name,
                               created_at, read_at, dismissed_at, updated_at
                        FROM alerting.alert_feed WHERE alert_id = :id""")
                .param("id", alertId).query().singleRow();
    }
}
