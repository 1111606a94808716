package dev.vigil.monitoring.web;

import static dev.vigil.monitoring.MonitoringTestSupport.eventCount;
import static dev.vigil.monitoring.MonitoringTestSupport.eventsOf;
import static dev.vigil.monitoring.MonitoringTestSupport.registerUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.monitoring.api.DataType;
import dev.vigil.monitoring.api.FindingReceipt;
import dev.vigil.monitoring.api.ReportFinding;
import dev.vigil.monitoring.api.Severity;
import dev.vigil.monitoring.api.SourceKind;
import dev.vigil.platform.id.TimeOrderedIds;
import dev.vigil.platform.testing.ExpectedLogs;
import dev.vigil.platform.testing.TestTokens;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.modelling.command.AbstractRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The removal flow over REST: the user asks, the removal service confirms or reports failure; events in the
 * event store, the row in {@code monitoring.exposure_feed}, and the refusals.
 */
class RemovalIntegrationTests extends ExposureWebIntegrationTestSupport {

    /** Axon's warning for a command whose aggregate refuses it: the platform keeps it out of the service's log. */
    @RegisterExtension
    final ExpectedLogs rejections = ExpectedLogs.from(AbstractRepository.class);

    @Test
    void requestFailRequestAgainAndConfirm() throws Exception {
        UUID userId = newUser();
        UUID exposureId = detect(userId);

        requestRemoval(userId, exposureId)
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.exposureId").value(exposureId.toString()))
                .andExpect(jsonPath("$.status").value("REMOVAL_REQUESTED"));
        assertThat(row(exposureId)).containsEntry("status", "REMOVAL_REQUESTED").containsEntry("version", 1L);
        assertThat(row(exposureId).get("removal_requested_at")).isNotNull();

        internal(exposureId, "removal-failure", "{\"reason\": \" broker did not answer \"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REMOVAL_FAILED"));
        assertThat(row(exposureId)).containsEntry("status", "REMOVAL_FAILED")
                .containsEntry("last_failure_reason", "broker did not answer");

        requestRemoval(userId, exposureId).andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("REMOVAL_REQUESTED"));
        internal(exposureId, "removal-confirmation", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REMOVED"));

        assertThat(eventsOf(jdbc, exposureId)).containsExactly("ExposureDetected", "RemovalRequested",
                "RemovalFailed", "RemovalRequested", "RemovalConfirmed");
        Map<String, Object> row = row(exposureId);
        assertThat(row).containsEntry("status", "REMOVED").containsEntry("version", 4L)
                .containsEntry("last_failure_reason", "broker did not answer");
        assertThat(row.get("removed_at")).isNotNull().isEqualTo(row.get("updated_at"));
    }

    @Test
    void repeatedRequestsAndConfirmationsWriteOneEventEach() throws Exception {
        UUID userId = newUser();
        UUID exposureId = detect(userId);

        requestRemoval(userId, exposureId).andExpect(status().isAccepted());
        requestRemoval(userId, exposureId).andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("REMOVAL_REQUESTED"));
        internal(exposureId, "removal-confirmation", null).andExpect(status().isOk());
        internal(exposureId, "removal-confirmation", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REMOVED"));

        assertThat(eventsOf(jdbc, exposureId)).containsExactly("ExposureDetected", "RemovalRequested",
                "RemovalConfirmed");
    }

    @Test
    void stepsThatDoNotFollowTheStatusAreA409AndWriteNothing() throws Exception {
        UUID userId = newUser();
        UUID exposureId = detect(userId);
        long events = eventCount(jdbc);

        internal(exposureId, "removal-failure", "{\"reason\": \"refused\"}")
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.exposureStatus").value("ACTIVE"));
        internal(exposureId, "removal-confirmation", null).andExpect(status().isConflict());
        assertThat(eventCount(jdbc)).isEqualTo(events);

        requestRemoval(userId, exposureId).andExpect(status().isAccepted());
        internal(exposureId, "removal-confirmation", null).andExpect(status().isOk());
        events = eventCount(jdbc);
        requestRemoval(userId, exposureId)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.exposureStatus").value("REMOVED"));
        assertThat(eventCount(jdbc)).isEqualTo(events);
    }

    @Test
    void anotherUsersExposureAnswersExactlyLikeAMissingOne() throws Exception {
        UUID owner = newUser();
        UUID stranger = newUser();
        UUID exposureId = detect(owner);
        long events = eventCount(jdbc);

        JsonNode foreign = problem(requestRemoval(stranger, exposureId).andExpect(status().isNotFound()));
        JsonNode missing = problem(requestRemoval(stranger, TimeOrderedIds.next()).andExpect(status().isNotFound()));
        // an id of another kind of aggregate (here the stranger's own user id) is no exposure either
        JsonNode notAnExposure = problem(requestRemoval(stranger, stranger).andExpect(status().isNotFound()));

        assertThat(foreign).isEqualTo(missing).isEqualTo(notAnExposure);
        assertThat(foreign.get("type").asText()).isEqualTo("https://vigil.dev/problems/not-found");
        assertThat(eventCount(jdbc)).isEqualTo(events);
        assertThat(row(exposureId)).containsEntry("status", "ACTIVE");
        assertThat(rejections.events()).as("a refused command leaves no warning").isEmpty();
    }

    @Test
    void internalStepsOnAMissingExposureAreA404() throws Exception {
        internal(TimeOrderedIds.next(), "removal-confirmation", null).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        internal(TimeOrderedIds.next(), "removal-failure", "{\"reason\": \"refused\"}").andExpect(status().isNotFound());
        assertThat(rejections.events()).as("a refused command leaves no warning").isEmpty();
    }

    @Test
    void aFailureWithoutAReasonIsA400NamingReason() throws Exception {
        UUID userId = newUser();
        UUID exposureId = detect(userId);
        requestRemoval(userId, exposureId).andExpect(status().isAccepted());
        long events = eventCount(jdbc);

        internal(exposureId, "removal-failure", "{\"reason\": \"   \"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        internal(exposureId, "removal-failure", "{\"reason\": \"" + "x".repeat(501) + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        assertThat(eventCount(jdbc)).isEqualTo(events);
    }

    /** Reasons the exposure feed could not store (issue 14: a NUL stopped the projection for a whole segment). */
    @ParameterizedTest
    @ValueSource(strings = {"broker\\u0000refused", "broker\\rrefused", "broker \\udfff refused", "broker\\u2028refused"})
    void aFailureReasonTheTextPolicyRefusesIsA400NamingReasonAndWritesNothing(String reason) throws Exception {
        UUID userId = newUser();
        UUID exposureId = detect(userId);
        requestRemoval(userId, exposureId).andExpect(status().isAccepted());
        long events = eventCount(jdbc);

        internal(exposureId, "removal-failure", "{\"reason\": \"" + reason + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        assertThat(eventCount(jdbc)).isEqualTo(events);
        assertThat(row(exposureId)).containsEntry("status", "REMOVAL_REQUESTED");
    }

    @Test
    void aMalformedExposureIdIsA400NamingIt() throws Exception {
        UUID userId = newUser();
        mvc.perform(post("/api/v1/exposures/{id}/removal-request", "not-a-uuid")
                        .header(HttpHeaders.AUTHORIZATION, TestTokens.user(userId)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("exposureId"));
    }

    @Test
    void theUserEndpointNeedsAUserTokenAndTheInternalOnesAServiceToken() throws Exception {
        UUID userId = newUser();
        UUID exposureId = detect(userId);
        mvc.perform(post("/api/v1/exposures/{id}/removal-request", exposureId)).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/exposures/{id}/removal-request", exposureId)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.service())).andExpect(status().isForbidden());
        mvc.perform(post("/internal/v1/monitoring/exposures/{id}/removal-confirmation", exposureId)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.user(userId))).andExpect(status().isForbidden());
        assertThat(eventsOf(jdbc, exposureId)).containsExactly("ExposureDetected");
    }

    private UUID detect(UUID userId) {
        FindingReceipt receipt = commands.send(new ReportFinding(userId, TimeOrderedIds.next(), "Acme People Search",
                SourceKind.PEOPLE_SEARCH, List.of(DataType.ADDRESS, DataType.NAME), Severity.MEDIUM,
                Instant.parse("2026-11-20T08:00:00Z")));
        return receipt.exposureId();
    }

    private ResultActions requestRemoval(UUID userId, UUID exposureId) throws Exception {
        return mvc.perform(post("/api/v1/exposures/{id}/removal-request", exposureId)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.user(userId)));
    }

    private ResultActions internal(UUID exposureId, String step, String body) throws Exception {
        var request = post("/internal/v1/monitoring/exposures/{id}/" + step, exposureId)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.service());
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request);
    }

    /** The problem body without {@code instance}, which names the request path. */
    private JsonNode problem(ResultActions result) throws Exception {
        ObjectNode body = (ObjectNode) json.readTree(result.andReturn().getResponse().getContentAsString());
        body.remove("instance");
        return body;
    }

    private Map<String, Object> row(UUID exposureId) {
        return jdbc.sql("""
                        SELECT status, removal_requested_at, removed_at, last_failure_reason, updated_at, version
                        FROM monitoring.exposure_feed WHERE exposure_id = :id""")
                .param("id", exposureId).query().singleRow();
    }
}
