package dev.vigil.alerting.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.alerting.api.AlertCategory;
import dev.vigil.alerting.api.AlertSeverity;
import dev.vigil.alerting.api.RaiseAlert;
import dev.vigil.platform.axon.ConsistentCommandGateway;
import dev.vigil.platform.id.TimeOrderedIds;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Cached reads show the user's own change on the very next request: every write that changes an alert row
 * (raised, read, dismissed, all read) drops the user's cached pages and alerts once the row has committed, before
 * the command's response.
 */
class AlertReadCacheIntegrationTests extends AlertReadIntegrationTestSupport {

    @Autowired
    ConsistentCommandGateway commands;

    private final UUID user = TimeOrderedIds.next();
    private final List<UUID> alerts = new ArrayList<>();

    @BeforeEach
    void raiseThree() {
        for (int i = 0; i < 3; i++) {
            alerts.add(raise(user));
        }
    }

    @Test
    void readingAnAlertShowsItReadOnTheNextRequest() throws Exception {
        UUID alert = alerts.get(1);
        cached(list());
        cached(list("status", "UNREAD"));
        cached(get(ALERTS + "/" + alert));

        command("/api/v1/alerts/" + alert + "/read");

        assertThat(statusOf(alert, fresh(list()))).isEqualTo("READ");
        assertThat(ids(fresh(list("status", "UNREAD")))).containsExactly(alerts.get(2), alerts.get(0));
        assertThat(fresh(get(ALERTS + "/" + alert)).get("status").asText()).isEqualTo("READ");
    }

    @Test
    void dismissingAnAlertShowsItDismissedOnTheNextRequest() throws Exception {
        UUID alert = alerts.get(0);
        cached(list("limit", "2", "status", "DISMISSED"));
        cached(get(ALERTS + "/" + alert));

        command("/api/v1/alerts/" + alert + "/dismissal");

        assertThat(ids(fresh(list("limit", "2", "status", "DISMISSED")))).containsExactly(alert);
        assertThat(fresh(get(ALERTS + "/" + alert)).get("dismissedAt").isTextual()).isTrue();
    }

    @Test
    void markingAllReadShowsThemReadOnTheNextRequest() throws Exception {
        cached(list("severity", "HIGH"));
        cached(list("status", "UNREAD"));

        command("/api/v1/alerts/read-all");

        assertThat(StreamSupport.stream(fresh(list("severity", "HIGH")).get("items").spliterator(), false)
                .map(item -> item.get("status").asText())).containsOnly("READ").hasSize(3);
        assertThat(ids(fresh(list("status", "UNREAD")))).isEmpty();
    }

    @Test
    void aNewAlertShowsOnTheNextRequestAndAnUnknownIdStopsBeingUnknown() throws Exception {
        UUID next = TimeOrderedIds.next();
        cached(list("limit", "1"));
        mvc.perform(as(user, get(ALERTS + "/" + next))).andExpect(status().isNotFound());

        raise(user, next);

        assertThat(ids(fresh(list("limit", "1")))).containsExactly(next);
        assertThat(fresh(get(ALERTS + "/" + next)).get("alertId").asText()).isEqualTo(next.toString());
    }

    @Test
    void anotherUsersWriteLeavesTheCallersCacheAlone() throws Exception {
        cached(list());
        UUID stranger = TimeOrderedIds.next();
        command(stranger, "/api/v1/alerts/read-all");
        raise(stranger);
        assertThat(statements(ok(user, list()))).as("still a hit").isZero();
    }

    @Test
    void everyReadCarriesAnETagThatAnswers304WithNoStatementUntilAWriteChangesTheBody() throws Exception {
        UUID alert = alerts.get(0);
        for (MockHttpServletRequestBuilder read : List.of(list(), list("limit", "1"), get(ALERTS + "/" + alert))) {
            String etag = etagOf(ok(user, read));
            assertThat(etagOf(ok(user, read))).as("same body, same ETag").isEqualTo(etag);
            MvcResult notModified = mvc.perform(as(user, read).header(HttpHeaders.IF_NONE_MATCH, etag))
                    .andExpect(status().isNotModified()).andReturn();
            assertThat(notModified.getResponse().getContentAsByteArray()).isEmpty();
            assertThat(notModified.getResponse().getHeader(HttpHeaders.ETAG)).isEqualTo(etag);
        }
        // a page after the first is not cached, but it has an ETag too (the statement runs, the body is not sent)
        MvcResult first = ok(user, list("limit", "1"));
        MockHttpServletRequestBuilder second = get(nextLink(first, body(first)));
        String secondTag = etagOf(ok(user, second));
        mvc.perform(as(user, second).header(HttpHeaders.IF_NONE_MATCH, secondTag)).andExpect(status().isNotModified());

        String before = etagOf(ok(user, get(ALERTS + "/" + alert)));
        command("/api/v1/alerts/" + alert + "/read");
        MvcResult changed = mvc.perform(as(user, get(ALERTS + "/" + alert)).header(HttpHeaders.IF_NONE_MATCH, before))
                .andExpect(status().isOk()).andReturn();
        assertThat(etagOf(changed)).as("a write that changes the body changes the ETag").isNotEqualTo(before);
        assertThat(body(changed).get("status").asText()).isEqualTo("READ");
    }

    @Test
    void anotherUsersETagIsNeverTheCallers() throws Exception {
        UUID stranger = TimeOrderedIds.next();
        String strangers = etagOf(ok(stranger, list("status", "DISMISSED")));
        UUID other = TimeOrderedIds.next();
        // the same body (no dismissed alerts), another user: not a match
        String others = etagOf(ok(other, list("status", "DISMISSED")));
        assertThat(others).isNotEqualTo(strangers);
        mvc.perform(as(other, list("status", "DISMISSED")).header(HttpHeaders.IF_NONE_MATCH, strangers))
                .andExpect(status().isOk());
    }

    private static String etagOf(MvcResult result) {
        String etag = result.getResponse().getHeader(HttpHeaders.ETAG);
        assertThat(etag).as("ETag").matches("\"[A-Za-z0-9_-]{22}\"");
        assertThat(result.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-cache, private");
        return etag;
    }

    /** Reads twice: the second answer comes from the cache. */
    private void cached(MockHttpServletRequestBuilder request) throws Exception {
        ok(user, request);
        assertThat(statements(ok(user, request))).as("a hit").isZero();
    }

    /** Reads from the database (the cache entry is gone) and returns the body. */
    private JsonNode fresh(MockHttpServletRequestBuilder request) throws Exception {
        MvcResult result = ok(user, request);
        assertThat(statements(result)).as("a miss after the write").isEqualTo(1);
        return body(result);
    }

    private void command(String path) throws Exception {
        command(user, path);
    }

    private void command(UUID caller, String path) throws Exception {
        mvc.perform(as(caller, post(path))).andExpect(status().is2xxSuccessful());
    }

    private UUID raise(UUID owner) {
        return raise(owner, TimeOrderedIds.next());
    }

    private UUID raise(UUID owner, UUID alertId) {
        commands.send(new RaiseAlert(alertId, owner, AlertCategory.PAYMENT_FAILED, AlertSeverity.HIGH,
                "Payment for your Plus plan failed", null, null));
        return alertId;
    }

    private static String statusOf(UUID alert, JsonNode page) {
        return StreamSupport.stream(page.get("items").spliterator(), false)
                .filter(item -> item.get("alertId").asText().equals(alert.toString()))
                .findFirst().orElseThrow().get("status").asText();
    }
}
