package dev.vigil.monitoring.web;

import static dev.vigil.monitoring.MonitoringTestSupport.registerUser;
import static dev.vigil.monitoring.web.ExposureApi.exposures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.monitoring.api.DataType;
import dev.vigil.monitoring.api.FindingOutcome;
import dev.vigil.monitoring.api.FindingReceipt;
import dev.vigil.monitoring.api.ReportFinding;
import dev.vigil.monitoring.api.Severity;
import dev.vigil.monitoring.api.SourceKind;
import dev.vigil.monitoring.web.ExposureApi.Answer;
import dev.vigil.platform.id.TimeOrderedIds;
import dev.vigil.platform.testing.TestTokens;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Cached first pages and exposures are dropped by the events that change the user's rows, after the read model
 * commits: each kind of write is visible on the very next read, which then runs its one statement again.
 */
class ExposureCacheIntegrationTests extends ExposureWebIntegrationTestSupport {

    private static final String FIRST_PAGE = exposures("limit", "10");
    private static final String ACTIVE_PAGE = exposures("status", "ACTIVE", "limit", "10");

    @Test
    void aRemovalRequestIsVisibleOnTheNextReadOfEveryCachedPageAndTheExposure() throws Exception {
        ExposureApi api = api();
        UUID user = newUser();
        List<UUID> seeded = seed(user);
        UUID target = seeded.get(1);
        String detail = "/api/v1/exposures/" + target;
        cached(api, user, FIRST_PAGE);
        cached(api, user, ACTIVE_PAGE);
        cached(api, user, detail);
        assertThat(api.get(user, ACTIVE_PAGE).ids()).contains(target);

        perform(post("/api/v1/exposures/{id}/removal-request", target)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.user(user)), 202);

        Answer page = api.get(user, FIRST_PAGE);
        assertThat(page.statements()).as("invalidated: read again").isEqualTo(1);
        assertThat(item(page, target).get("status").asText()).isEqualTo("REMOVAL_REQUESTED");
        assertThat(item(page, target).get("removalRequestedAt").isNull()).isFalse();
        assertThat(api.get(user, ACTIVE_PAGE).ids()).doesNotContain(target).hasSize(2);
        Answer exposure = api.get(user, detail);
        assertThat(exposure.statements()).isEqualTo(1);
        assertThat(exposure.body().get("status").asText()).isEqualTo("REMOVAL_REQUESTED");
        assertThat(api.get(user, FIRST_PAGE).statements()).as("cached again").isZero();
    }

    @Test
    void removalOutcomesReappearancesAndNewFindingsAreVisibleOnTheNextRead() throws Exception {
        ExposureApi api = api();
        UUID user = newUser();
        List<UUID> seeded = seed(user);
        UUID confirmed = seeded.get(0);
        UUID failed = seeded.get(1);
        for (UUID exposureId : List.of(confirmed, failed)) {
            perform(post("/api/v1/exposures/{id}/removal-request", exposureId)
                    .header(HttpHeaders.AUTHORIZATION, TestTokens.user(user)), 202);
        }

        cached(api, user, FIRST_PAGE);
        internal(post("/internal/v1/monitoring/exposures/{id}/removal-confirmation", confirmed));
        assertThat(statusOf(api.get(user, FIRST_PAGE), confirmed)).isEqualTo("REMOVED");

        cached(api, user, "/api/v1/exposures/" + failed);
        internal(post("/internal/v1/monitoring/exposures/{id}/removal-failure", failed)
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"broker refused\"}"));
        JsonNode failure = api.get(user, "/api/v1/exposures/" + failed).body();
        assertThat(failure.get("status").asText()).isEqualTo("REMOVAL_FAILED");
        assertThat(failure.get("lastFailureReason").asText()).isEqualTo("broker refused");

        cached(api, user, FIRST_PAGE);
        FindingReceipt again = commands.send(finding(user, "Source 0", Severity.CRITICAL));
        assertThat(again).isEqualTo(new FindingReceipt(confirmed, FindingOutcome.REAPPEARED));
        JsonNode reappeared = item(api.get(user, FIRST_PAGE), confirmed);
        assertThat(reappeared.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(reappeared.get("severity").asText()).isEqualTo("CRITICAL");
        assertThat(reappeared.get("reappearedCount").asInt()).isEqualTo(1);

        cached(api, user, FIRST_PAGE);
        cached(api, user, ACTIVE_PAGE);
        String scan = """
                {"findings": [{"sourceName": "Brand new broker", "sourceKind": "DATA_BROKER", "dataTypes": ["PHONE"],
                               "severity": "HIGH", "foundAt": "2026-11-25T08:00:00Z"}]}""";
        JsonNode receipts = json.readTree(mvc.perform(post("/internal/v1/monitoring/users/{id}/findings", user)
                        .header(HttpHeaders.AUTHORIZATION, TestTokens.service())
                        .contentType(MediaType.APPLICATION_JSON).content(scan))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        UUID found = UUID.fromString(receipts.get("findings").get(0).get("exposureId").asText());
        assertThat(api.get(user, FIRST_PAGE).ids().getFirst()).isEqualTo(found);
        assertThat(api.get(user, ACTIVE_PAGE).ids().getFirst()).isEqualTo(found);
    }

    @Test
    void aChangeToOneUsersExposuresLeavesAnotherUsersCacheAlone() throws Exception {
        ExposureApi api = api();
        UUID user = newUser();
        UUID other = newUser();
        List<UUID> seeded = seed(user);
        seed(other);
        cached(api, other, FIRST_PAGE);

        perform(post("/api/v1/exposures/{id}/removal-request", seeded.getFirst())
                .header(HttpHeaders.AUTHORIZATION, TestTokens.user(user)), 202);

        assertThat(api.get(other, FIRST_PAGE).statements()).isZero();
    }

    /** Three ACTIVE exposures, "Source 0", "Source 1" and "Source 2", oldest first. */
    private List<UUID> seed(UUID user) {
        return commands.together(() -> List.of(
                commands.<FindingReceipt>send(finding(user, "Source 0", Severity.LOW)).exposureId(),
                commands.<FindingReceipt>send(finding(user, "Source 1", Severity.MEDIUM)).exposureId(),
                commands.<FindingReceipt>send(finding(user, "Source 2", Severity.HIGH)).exposureId()));
    }

    private static ReportFinding finding(UUID user, String sourceName, Severity severity) {
        return new ReportFinding(user, TimeOrderedIds.next(), sourceName, SourceKind.BREACH,
                List.of(DataType.EMAIL, DataType.PASSWORD), severity, Instant.parse("2026-11-20T08:00:00Z"));
    }

    /** Reads {@code target} until it is cached: a hit runs no statement. */
    private static void cached(ExposureApi api, UUID user, String target) throws Exception {
        api.get(user, target);
        Answer hit = api.get(user, target);
        assertThat(hit.statements()).as("cached " + target).isZero();
    }

    private static String statusOf(Answer page, UUID exposureId) {
        return item(page, exposureId).get("status").asText();
    }

    private static JsonNode item(Answer page, UUID exposureId) {
        for (JsonNode item : page.body().get("items")) {
            if (item.get("exposureId").asText().equals(exposureId.toString())) {
                return item;
            }
        }
        throw new AssertionError(exposureId + " not on the page: " + page.rawBody());
    }

    private void internal(MockHttpServletRequestBuilder request) throws Exception {
        perform(request.header(HttpHeaders.AUTHORIZATION, TestTokens.service()), 200);
    }

    private void perform(MockHttpServletRequestBuilder request, int expectedStatus) throws Exception {
        mvc.perform(request).andExpect(status().is(expectedStatus));
    }
}
