package dev.vigil.monitoring.web;

import static dev.vigil.monitoring.MonitoringTestSupport.registerUser;
import static dev.vigil.monitoring.web.ExposureApi.exposures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.vigil.monitoring.api.ExposureStatus;
import dev.vigil.monitoring.api.Severity;
import dev.vigil.monitoring.api.SourceKind;
import dev.vigil.monitoring.web.ExposureApi.Answer;
import dev.vigil.monitoring.web.ExposureFixtures.Seeded;
import dev.vigil.monitoring.web.ExposureFixtures.Spec;
import dev.vigil.platform.id.TimeOrderedIds;
import dev.vigil.platform.testing.TestTokens;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

/** A user sees only their own exposures, and cannot tell another user's from ones that do not exist. */
class ExposureIsolationIntegrationTests extends ExposureWebIntegrationTestSupport {

    private static final List<Spec> SPECS = List.of(
            new Spec(ExposureStatus.ACTIVE, Severity.HIGH, SourceKind.BREACH),
            new Spec(ExposureStatus.REMOVED, Severity.LOW, SourceKind.PASTE),
            new Spec(ExposureStatus.ACTIVE, Severity.CRITICAL, SourceKind.DATA_BROKER));

    private ExposureApi api;
    private UUID alice;
    private UUID bob;
    private List<Seeded> alicesExposures;
    private List<Seeded> bobsExposures;

    @BeforeEach
    void seed() {
        api = api();
        ExposureFixtures fixtures = fixtures();
        alice = newUser();
        bob = newUser();
        alicesExposures = fixtures.seed(alice, Collections.nCopies(4, SPECS).stream().flatMap(List::stream).toList());
        bobsExposures = fixtures.seed(bob, SPECS);
    }

    @Test
    void eachUserSeesOnlyTheirOwnExposuresWhateverTheFilters() throws Exception {
        assertThat(api.walk(bob, exposures("limit", "2")))
                .containsExactlyElementsOf(bobsExposures.stream().map(Seeded::exposureId).toList());
        assertThat(api.walk(bob, exposures("severity", "HIGH,CRITICAL", "offset", "0"))).hasSize(2)
                .doesNotContainAnyElementsOf(alicesExposures.stream().map(Seeded::exposureId).toList());
        assertThat(api.walk(alice, exposures("status", "ACTIVE", "limit", "3"))).hasSize(8)
                .doesNotContainAnyElementsOf(bobsExposures.stream().map(Seeded::exposureId).toList());
    }

    @Test
    void anotherUsersExposureIsA404IdenticalToAMissingOneAndShowsNothing() throws Exception {
        UUID alicesId = alicesExposures.getFirst().exposureId();
        Answer foreign = api.get(bob, "/api/v1/exposures/" + alicesId);
        Answer missing = api.get(bob, "/api/v1/exposures/" + TimeOrderedIds.next());
        Answer foreignAgain = api.get(bob, "/api/v1/exposures/" + alicesId); // from the cache this time
        // an id of something else entirely (the caller's own user id) is no exposure either
        Answer notAnExposure = api.get(bob, "/api/v1/exposures/" + bob);

        for (Answer answer : List.of(foreign, missing, foreignAgain, notAnExposure)) {
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.result().getResponse().getContentType()).startsWith("application/problem+json");
            assertThat(answer.problem()).isEqualTo(foreign.problem());
            // the problem's instance repeats the path the caller sent; nothing else may say more
            assertThat(answer.problem().toString()).doesNotContain(alicesId.toString(), alice.toString());
        }
        assertThat(foreign.problem().get("type").asText()).isEqualTo("https://vigil.dev/problems/not-found");
        assertThat(api.get(alice, "/api/v1/exposures/" + alicesId).status()).isEqualTo(200);
    }

    @Test
    void anotherUsersCursorIsRejectedWithoutShowingAnyRows() throws Exception {
        String alicesCursor = api.get(alice, exposures("limit", "2")).body().get("nextCursor").asText();

        Answer stolen = api.get(bob, exposures("limit", "2", "cursor", alicesCursor));
        assertThat(stolen.status()).isEqualTo(400);
        assertThat(stolen.body().get("errors").get(0).get("field").asText()).isEqualTo("cursor");
        assertThat(stolen.body().has("items")).isFalse();
        assertThat(stolen.statements()).isZero();
    }

    @Test
    void aCursorWorksOnlyForTheFiltersItWasIssuedFor() throws Exception {
        String cursor = api.get(alice, exposures("severity", "HIGH,LOW", "limit", "2")).body().get("nextCursor")
                .asText();

        assertThat(api.get(alice, exposures("severity", "LOW", "severity", "HIGH", "limit", "2", "cursor", cursor))
                .status()).isEqualTo(200);
        assertThat(api.get(alice, exposures("limit", "2", "cursor", cursor)).status()).isEqualTo(400);
        assertThat(api.get(alice, exposures("severity", "HIGH", "limit", "2", "cursor", cursor)).status())
                .isEqualTo(400);
        assertThat(api.get(alice, exposures("severity", "HIGH,LOW", "status", "ACTIVE", "limit", "2",
                "cursor", cursor)).status()).isEqualTo(400);
        String tampered = cursor.substring(0, 5) + (cursor.charAt(5) == 'A' ? 'B' : 'A') + cursor.substring(6);
        assertThat(api.get(alice, exposures("severity", "HIGH,LOW", "limit", "2", "cursor", tampered)).status())
                .isEqualTo(400);
    }

    @Test
    void bothReadEndpointsNeedAUserToken() throws Exception {
        UUID exposureId = alicesExposures.getFirst().exposureId();
        mvc.perform(get("/api/v1/exposures")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/exposures/{id}", exposureId)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/exposures").header(HttpHeaders.AUTHORIZATION, TestTokens.service()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/exposures/{id}", exposureId)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.expiredUser(alice))).andExpect(status().isUnauthorized());
    }
}
