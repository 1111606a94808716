package dev.vigil.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
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
    void someoneWithoutARowGets404() throws Exception {
        mvc.perform(get("/api/v1/dashboard").header(HttpHeaders.AUTHORIZATION, TestTokens.user(TimeOrderedIds.next())))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
