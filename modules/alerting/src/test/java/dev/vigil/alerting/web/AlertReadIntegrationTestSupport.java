package dev.vigil.alerting.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.alerting.AlertHistory;
import dev.vigil.alerting.AlertingTestApplication;
import dev.vigil.platform.paging.KeysetPosition;
import dev.vigil.platform.sql.RequestStatements;
import dev.vigil.platform.testing.TestTokens;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** What the read API's integration tests share: one application context, alerts made from events, and paging. */
@SpringBootTest(classes = AlertingTestApplication.class)
@AutoConfigureMockMvc
abstract class AlertReadIntegrationTestSupport {

    static final String ALERTS = "/api/v1/alerts";
    private static final Pattern NEXT_LINK = Pattern.compile("^<([^>]+)>; rel=\"next\"$");
    private static final int MAX_PAGES = 200;

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventStore eventStore;

    AlertHistory history;

    @BeforeEach
    void history() {
        history = new AlertHistory(eventStore, jdbc);
    }

    static MockHttpServletRequestBuilder as(UUID user, MockHttpServletRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION, TestTokens.user(user));
    }

    MvcResult ok(UUID user, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(as(user, request)).andExpect(status().isOk()).andReturn();
    }

    JsonNode body(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString());
    }

    static int statements(MvcResult result) {
        Object count = result.getRequest().getAttribute(RequestStatements.REQUEST_ATTRIBUTE);
        assertThat(count).as("statement count of the request").isInstanceOf(Integer.class);
        return (Integer) count;
    }

    static List<UUID> ids(JsonNode page) {
        return StreamSupport.stream(page.get("items").spliterator(), false)
                .map(item -> UUID.fromString(item.get("alertId").asText()))
                .toList();
    }

    static List<KeysetPosition> positions(JsonNode page) {
        return StreamSupport.stream(page.get("items").spliterator(), false)
                .map(item -> new KeysetPosition(Instant.parse(item.get("createdAt").asText()),
                        UUID.fromString(item.get("alertId").asText())))
                .toList();
    }

    /**
     * The {@code Link} header's target while the page says there is more (checked against {@code nextCursor});
     * null at the end, where there must be neither a header nor a cursor.
     */
    static URI nextLink(MvcResult result, JsonNode page) {
        String link = result.getResponse().getHeader(HttpHeaders.LINK);
        if (!page.get("hasMore").asBoolean()) {
            assertThat(link).as("Link on the last page").isNull();
            assertThat(page.get("nextCursor").isNull()).as("nextCursor on the last page").isTrue();
            return null;
        }
        assertThat(link).as("Link while hasMore").isNotNull();
        Matcher matcher = NEXT_LINK.matcher(link);
        assertThat(matcher.matches()).as(link).isTrue();
        assertThat(matcher.group(1)).startsWith(ALERTS + "?").endsWith("cursor=" + page.get("nextCursor").asText());
        return URI.create(matcher.group(1));
    }

    /** Every alert id the list shows, following Link headers from {@code first} to the end. */
    List<UUID> walkByCursor(UUID user, MockHttpServletRequestBuilder first) throws Exception {
        List<UUID> walked = new ArrayList<>();
        MvcResult result = ok(user, first);
        for (int pages = 1; ; pages++) {
            JsonNode page = body(result);
            walked.addAll(ids(page));
            URI next = nextLink(result, page);
            if (next == null) {
                return walked;
            }
            assertThat(pages).as("pages walked").isLessThan(MAX_PAGES);
            result = ok(user, get(next));
        }
    }

    /** Every alert id the list shows, asking for offsets 0, limit, 2 * limit, ... until hasMore is false. */
    List<UUID> walkByOffset(UUID user, int limit, String... parameters) throws Exception {
        List<UUID> walked = new ArrayList<>();
        for (int offset = 0; ; offset += limit) {
            JsonNode page = body(ok(user, list(parameters).param("limit", String.valueOf(limit))
                    .param("offset", String.valueOf(offset))));
            assertThat(page.get("offset").asInt()).isEqualTo(offset);
            walked.addAll(ids(page));
            if (!page.get("hasMore").asBoolean()) {
                return walked;
            }
            assertThat(offset / limit).as("pages walked").isLessThan(MAX_PAGES);
        }
    }

    /** GET /api/v1/alerts with query parameters given as name, value, name, value, ... */
    static MockHttpServletRequestBuilder list(String... parameters) {
        MockHttpServletRequestBuilder request = get(ALERTS);
        for (int i = 0; i < parameters.length; i += 2) {
            request.param(parameters[i], parameters[i + 1]);
        }
        return request;
    }

    /** A 400 problem whose only error names {@code field}. */
    ResultActions problem(UUID user, MockHttpServletRequestBuilder request, String field) throws Exception {
        return mvc.perform(as(user, request))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].field").value(field));
    }
}
