package dev.vigil.alerting.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.alerting.AlertHistory.Alert;
import dev.vigil.alerting.api.AlertCategory;
import dev.vigil.alerting.api.AlertSeverity;
import dev.vigil.alerting.api.AlertStatus;
import dev.vigil.platform.id.TimeOrderedIds;
import dev.vigil.platform.testing.TestTokens;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Who sees which alert, and what bad input gets back: one alert by id, cross-user access, 400s and 401s. */
class AlertReadAccessIntegrationTests extends AlertReadIntegrationTestSupport {

    @Test
    void showsOneOfTheCallersAlerts() throws Exception {
        UUID user = TimeOrderedIds.next();
        Alert alert = history.add(user, TimeOrderedIds.next(), AlertCategory.EXPOSURE_REAPPEARED, AlertSeverity.MEDIUM,
                AlertStatus.DISMISSED, Instant.parse("2026-05-01T09:30:00.000001Z"));
        history.awaitApplied();

        mvc.perform(as(user, get(ALERTS + "/" + alert.alertId())))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.alertId").value(alert.alertId().toString()))
                .andExpect(jsonPath("$.category").value("EXPOSURE_REAPPEARED"))
                .andExpect(jsonPath("$.severity").value("MEDIUM"))
                .andExpect(jsonPath("$.status").value("DISMISSED"))
                .andExpect(jsonPath("$.sourceName").value("Some Broker"))
                .andExpect(jsonPath("$.createdAt").value("2026-05-01T09:30:00.000001Z"))
                .andExpect(jsonPath("$.readAt").isEmpty())
                .andExpect(jsonPath("$.dismissedAt").value("2026-05-01T09:31:00.000001Z"));
    }

    @Test
    void anotherUsersAlertIsNotFoundExactlyLikeAMissingOne() throws Exception {
        UUID owner = TimeOrderedIds.next();
        UUID stranger = TimeOrderedIds.next();
        Alert alert = history.add(owner, TimeOrderedIds.next(), AlertCategory.PAYMENT_FAILED, AlertSeverity.HIGH,
                AlertStatus.UNREAD, Instant.parse("2026-05-01T10:00:00Z"));
        history.awaitApplied();

        JsonNode foreign = notFound(stranger, ALERTS + "/" + alert.alertId());
        JsonNode missing = notFound(stranger, ALERTS + "/" + TimeOrderedIds.next());
        assertThat(foreign).isEqualTo(missing);
        assertThat(foreign.get("type").asText()).isEqualTo("https://vigil.dev/problems/not-found");
        // asked again (now from the cache): still the same answer
        assertThat(notFound(stranger, ALERTS + "/" + alert.alertId())).isEqualTo(missing);
        ok(owner, get(ALERTS + "/" + alert.alertId()));
    }

    @Test
    void aUserNeverSeesAnotherUsersAlertsWhateverTheFilterOrPage() throws Exception {
        UUID alice = TimeOrderedIds.next();
        UUID bob = TimeOrderedIds.next();
        List<UUID> alices = twoAlerts(alice);
        List<UUID> bobs = twoAlerts(bob);
        history.awaitApplied();

        for (String[] filters : List.of(new String[] {}, new String[] {"status", "UNREAD"},
                new String[] {"severity", "HIGH,LOW"}, new String[] {"category", "NEW_EXPOSURE", "status", "READ"})) {
            assertThat(walkByCursor(bob, list(filters).param("limit", "1"))).isNotEmpty().isSubsetOf(bobs);
            assertThat(walkByOffset(bob, 1, filters)).isNotEmpty().isSubsetOf(bobs);
            assertThat(walkByCursor(alice, list(filters).param("limit", "1"))).isNotEmpty().isSubsetOf(alices);
        }
    }

    /** An unread and a read alert, created at the same times for every user. */
    private List<UUID> twoAlerts(UUID user) {
        return List.of(
                history.add(user, TimeOrderedIds.next(), AlertCategory.NEW_EXPOSURE, AlertSeverity.HIGH,
                        AlertStatus.UNREAD, Instant.parse("2026-05-02T10:00:00Z")).alertId(),
                history.add(user, TimeOrderedIds.next(), AlertCategory.NEW_EXPOSURE, AlertSeverity.LOW,
                        AlertStatus.READ, Instant.parse("2026-05-02T10:00:01Z")).alertId());
    }

    @Test
    void anotherUsersCursorIsRejectedWithoutShowingAnyAlerts() throws Exception {
        UUID alice = TimeOrderedIds.next();
        for (int i = 0; i < 3; i++) {
            history.add(alice, TimeOrderedIds.next(), AlertCategory.NEW_EXPOSURE, AlertSeverity.LOW, AlertStatus.UNREAD,
                    Instant.parse("2026-05-03T10:00:00Z").plusSeconds(i));
        }
        history.awaitApplied();
        String cursor = body(ok(alice, list("limit", "1", "severity", "LOW"))).get("nextCursor").asText();

        problem(TimeOrderedIds.next(), list("severity", "LOW", "cursor", cursor), "cursor")
                .andExpect(jsonPath("$.items").doesNotExist());
        // bound to the filters too: the same user with other filters, or none
        problem(alice, list("severity", "LOW,HIGH", "cursor", cursor), "cursor");
        problem(alice, list("cursor", cursor), "cursor");
        ok(alice, list("severity", "low", "cursor", cursor));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            limit    | 0
            limit    | 101
            limit    | -1
            limit    | abc
            offset   | 10001
            offset   | -5
            cursor   | not-a-cursor
            status   | unknown
            status   | READ,UNREAD
            status   | ''
            severity | HIGH,SEVERE
            severity | HIGH,
            severity | ''
            category | BREACH
            from     | yesterday
            from     | 2026-05-01
            from     | 2026-05-01T10:00:00
            from     | +10000-01-01T00:00:00Z
            to       | 2026-13-01T00:00:00Z
            to       | -0001-01-01T00:00:00Z
            """)
    void rejectsABadParameterAsAProblemNamingIt(String parameter, String value) throws Exception {
        problem(TimeOrderedIds.next(), list(parameter, value), parameter)
                .andExpect(jsonPath("$.type").value("https://vigil.dev/problems/invalid-input"))
                .andExpect(jsonPath("$.errors[0].message").isNotEmpty());
    }

    @Test
    void explainsWhatEachParameterAccepts() throws Exception {
        UUID user = TimeOrderedIds.next();
        problem(user, list("limit", "101"), "limit")
                .andExpect(jsonPath("$.errors[0].message").value("must be between 1 and 100"));
        problem(user, list("offset", "10001"), "offset")
                .andExpect(jsonPath("$.errors[0].message").value(containsString("nextCursor")));
        problem(user, list("status", "open"), "status")
                .andExpect(jsonPath("$.errors[0].message").value("must be one of UNREAD, READ, DISMISSED"));
        problem(user, list("severity", "urgent"), "severity")
                .andExpect(jsonPath("$.errors[0].message").value(containsString("LOW, MEDIUM, HIGH, CRITICAL")));
        problem(user, list("category", "spam"), "category").andExpect(jsonPath("$.errors[0].message")
                .value("must be one of NEW_EXPOSURE, EXPOSURE_REAPPEARED, PAYMENT_FAILED, SUBSCRIPTION_EXPIRING"));
        problem(user, list("from", "2026-05-01"), "from")
                .andExpect(jsonPath("$.errors[0].message").value(containsString("ISO-8601")));
        problem(user, list("from", "2026-05-02T00:00:00Z", "to", "2026-05-01T00:00:00Z"), "to")
                .andExpect(jsonPath("$.errors[0].message").value("must be after from"));
        problem(user, list("status", "READ", "status", "UNREAD"), "status");
        problem(user, list("severity", "HIGH", "severity", ""), "severity");
    }

    @Test
    void namesEveryBadFilterAtOnce() throws Exception {
        mvc.perform(as(TimeOrderedIds.next(), list("status", "x", "severity", "y", "category", "z", "from", "a",
                        "to", "b")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field")
                        .value(contains("status", "severity", "category", "from", "to")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-an-id", "123", "read-all"})
    void aMalformedAlertIdIsA400NamingAlertId(String alertId) throws Exception {
        problem(TimeOrderedIds.next(), get(ALERTS + "/" + alertId), "alertId");
    }

    @Test
    void withoutAValidTokenNothingIsShown() throws Exception {
        UUID user = TimeOrderedIds.next();
        for (MockHttpServletRequestBuilder request : List.of(get(ALERTS), get(ALERTS + "/" + TimeOrderedIds.next()))) {
            mvc.perform(request).andExpect(status().isUnauthorized());
            mvc.perform(request.header(HttpHeaders.AUTHORIZATION, TestTokens.expiredUser(user)))
                    .andExpect(status().isUnauthorized());
        }
    }

    /** The 404 problem body, without {@code instance} (the request path). */
    private JsonNode notFound(UUID user, String path) throws Exception {
        String body = mvc.perform(as(user, get(path)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andReturn().getResponse().getContentAsString();
        ObjectNode problem = (ObjectNode) json.readTree(body);
        problem.remove("instance");
        return problem;
    }
}
