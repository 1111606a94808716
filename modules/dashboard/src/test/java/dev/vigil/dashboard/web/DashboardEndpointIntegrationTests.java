package dev.vigil.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.vigil.dashboard.DashboardTestApplication;
import dev.vigil.dashboard.DashboardTestSupport;
import dev.vigil.dashboard.DomainEvents;
import dev.vigil.dashboard.ProcessorCatchUp;
import dev.vigil.identity.api.UserRegistered;
import dev.vigil.monitoring.api.DataType;
import dev.vigil.monitoring.api.ExposureDetected;
import dev.vigil.monitoring.api.Severity;
import dev.vigil.monitoring.api.SourceKind;
import dev.vigil.dashboard.query.DashboardCaches;
import dev.vigil.platform.cache.ReadCache;
import dev.vigil.platform.id.TimeOrderedIds;
import dev.vigil.platform.sql.RequestStatements;
import dev.vigil.platform.testing.TestTokens;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@SpringBootTest(classes = DashboardTestApplication.class)
@Import(DashboardTestSupport.class)
@AutoConfigureMockMvc
class DashboardEndpointIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DomainEvents events;

    @Autowired
    ProcessorCatchUp catchUp;

    @Autowired
    ReadCache cache;

    @Test
    void theCallerReadsTheirSummaryRowInOneStatement() throws Exception {
        UUID user = TimeOrderedIds.next();
        UUID exposure = TimeOrderedIds.next();
        Instant at = Instant.parse("2026-11-01T10:00:00Z");
        events.publish(new UserRegistered(user, "dash@example.org", "Dash", "UTC", at),
                new ExposureDetected(exposure, user, "Acme", SourceKind.BREACH, List.of(DataType.EMAIL), Severity.HIGH,
                        at, at.plusSeconds(1)));
        catchUp.await("dashboard-summary");

        MvcResult result = mvc.perform(get("/api/v1/dashboard").header(HttpHeaders.AUTHORIZATION, TestTokens.user(user)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.displayName").value("Dash"))
                .andExpect(jsonPath("$.subscription.plan").value("FREE"))
                .andExpect(jsonPath("$.exposures.active").value(1))
                .andExpect(jsonPath("$.exposures.openHigh").value(1))
                .andExpect(jsonPath("$.riskScore").value(10))
                .andReturn();
        assertThat(result.getRequest().getAttribute(RequestStatements.REQUEST_ATTRIBUTE)).isEqualTo(1);

        MvcResult cached = mvc.perform(get("/api/v1/dashboard").header(HttpHeaders.AUTHORIZATION, TestTokens.user(user)))
                .andExpect(jsonPath("$.exposures.active").value(1)).andReturn();
        assertThat(cached.getRequest().getAttribute(RequestStatements.REQUEST_ATTRIBUTE)).as("cache hit").isEqualTo(0);

        // a new event invalidates the cached row: the next read shows it
        events.publish(new ExposureDetected(TimeOrderedIds.next(), user, "Other", SourceKind.PASTE, List.of(DataType.EMAIL),
                Severity.LOW, at, at.plusSeconds(2)));
        catchUp.await("dashboard-summary");
        mvc.perform(get("/api/v1/dashboard").header(HttpHeaders.AUTHORIZATION, TestTokens.user(user)))
                .andExpect(jsonPath("$.exposures.active").value(2));
    }

    @Test
    void aConditionalReadAnswers304WithNoStatementUntilAnEventChangesTheSummary() throws Exception {
        UUID user = TimeOrderedIds.next();
        Instant at = Instant.parse("2026-11-02T10:00:00Z");
        events.publish(new UserRegistered(user, "etag@example.org", "Etag", "UTC", at));
        catchUp.await("dashboard-summary");

        MvcResult first = read(user, null).andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CACHE_CONTROL, "no-cache, private")).andReturn();
        String etag = first.getResponse().getHeader(HttpHeaders.ETAG);
        assertThat(etag).matches("\"[A-Za-z0-9_-]{22}\"");
        assertThat(read(user, null).andReturn().getResponse().getHeader(HttpHeaders.ETAG)).isEqualTo(etag);

        MvcResult notModified = read(user, etag).andExpect(status().isNotModified())
                .andExpect(header().string(HttpHeaders.ETAG, etag)).andReturn();
        assertThat(notModified.getResponse().getContentAsByteArray()).isEmpty();
        assertThat(notModified.getRequest().getAttribute(RequestStatements.REQUEST_ATTRIBUTE)).isEqualTo(0);

        // reloaded after an invalidation that changed nothing: the same ETag, so still 304
        cache.invalidate(DashboardCaches.SUMMARY, user);
        MvcResult reloaded = read(user, etag).andExpect(status().isNotModified()).andReturn();
        assertThat(reloaded.getRequest().getAttribute(RequestStatements.REQUEST_ATTRIBUTE)).isEqualTo(1);

        events.publish(new ExposureDetected(TimeOrderedIds.next(), user, "Acme", SourceKind.BREACH,
                List.of(DataType.EMAIL), Severity.HIGH, at, at.plusSeconds(1)));
        catchUp.await("dashboard-summary");
        MvcResult changed = read(user, etag).andExpect(status().isOk())
                .andExpect(jsonPath("$.exposures.active").value(1)).andReturn();
        assertThat(changed.getResponse().getHeader(HttpHeaders.ETAG)).isNotEqualTo(etag);
    }

    private ResultActions read(UUID user, String ifNoneMatch) throws Exception {
        MockHttpServletRequestBuilder request = get("/api/v1/dashboard")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.user(user));
        return mvc.perform(ifNoneMatch == null ? request : request.header(HttpHeaders.IF_NONE_MATCH, ifNoneMatch));
    }

    @Test
    void someoneWithoutARowGets404() throws Exception {
        mvc.perform(get("/api/v1/dashboard").header(HttpHeaders.AUTHORIZATION, TestTokens.user(TimeOrderedIds.next())))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
