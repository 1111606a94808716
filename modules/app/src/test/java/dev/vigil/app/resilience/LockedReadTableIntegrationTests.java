package dev.vigil.app.resilience;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.platform.testing.ExpectedLogs;
import dev.vigil.platform.testing.TestTokens;
import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 16, finding 1: an operator's {@code LOCK TABLE} on one read table. The reads of that table wait no longer
 * than the session's {@code lock_timeout} and answer a 503 problem with {@code Retry-After}; the reads of other tables
 * are served as usual meanwhile.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LockedReadTableIntegrationTests {

    @RegisterExtension
    final ExpectedLogs logs = ExpectedLogs.from("dev.vigil", "vigil.sql", "org.axonframework");

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    DataSource dataSource;

    @Test
    void aLockedAlertFeedAnswers503TimeoutForAlertsWhileTheDashboardIsServed() throws Exception {
        UUID user = register();
        // the alert projection may meet the lock too; it retries once the lock is gone
        logs.allow(Level.WARN, "").allow(Level.ERROR, "");

        try (Connection locker = dataSource.getConnection(); Statement statement = locker.createStatement()) {
            locker.setAutoCommit(false);
            statement.execute("SET LOCAL lock_timeout = 0");
            statement.execute("LOCK TABLE alerting.alert_feed IN ACCESS EXCLUSIVE MODE");
            try {
                mvc.perform(get("/api/v1/alerts").header(HttpHeaders.AUTHORIZATION, TestTokens.user(user)))
                        .andExpect(status().isServiceUnavailable())
                        .andExpect(header().string(HttpHeaders.RETRY_AFTER, "1"))
                        .andExpect(jsonPath("$.type").value("https://vigil.dev/problems/timeout"));
                mvc.perform(get("/api/v1/dashboard").header(HttpHeaders.AUTHORIZATION, TestTokens.user(user)))
                        .andExpect(status().isOk());
            } finally {
                locker.rollback();
            }
        }

        mvc.perform(get("/api/v1/alerts").header(HttpHeaders.AUTHORIZATION, TestTokens.user(user)))
                .andExpect(status().isOk());
        logs.assertLogged(Level.ERROR, "Database timeout");
    }

    private UUID register() throws Exception {
        String created = mvc.perform(post("/internal/v1/users")
                        .header(HttpHeaders.AUTHORIZATION, TestTokens.service())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": \"%s@example.org\", \"displayName\": \"Locked\", \"timeZone\": \"UTC\"}"
                                .formatted(UUID.randomUUID())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return UUID.fromString(json.readTree(created).get("id").asText());
    }
}
