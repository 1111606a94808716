package dev.vigil.seeder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.vigil.platform.axon.ProjectionRebuilds;
import dev.vigil.platform.testing.TestTokens;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The service started on a seeded database: its processors start at the head, every read model rebuilt from the
 * seeded events equals the seeded rows, and a seeded user's data is served and changed through the REST API.
 */
@SeededServiceTest
@Order(2)
// The last class on the shared context closes it here, not in the JVM's shutdown hook at exit: closing stops
// Axon's processors and drops the test database (DROP DATABASE waits for a checkpoint), which on a server busy
// writing elsewhere can outlast the 30 s failsafe allows after System.exit before it kills the fork
// ("kill self fork JVM"; docs/seeding.md).
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SeededServiceIntegrationTests {

    /** Processors that feed write-side tables or send commands: their tables are not rebuilt from scratch. */
    private static final List<String> NOT_READ_MODELS = List.of("alerting-policy", "billing-known-users",
            "monitoring-known-users");

    @Autowired
    ProjectionRebuilds rebuilds;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Test
    void everyProcessorOfTheServiceStartsAtTheHeadOfTheSeededEvents() {
        assertThat(rebuilds.processorNames()).containsExactlyInAnyOrderElementsOf(ProcessorTokens.PROCESSORS);
        long head = jdbc.sql("SELECT max(global_index) FROM axon.domain_event_entry").query(Long.class).single();
        assertThat(jdbc.sql("SELECT DISTINCT convert_from(token, 'UTF8')::jsonb ->> 'index' FROM axon.token_entry")
                .query(Long.class).list()).containsExactly(head);
    }

    @Test
    void everyReadModelRebuiltFromTheSeededEventsEqualsTheSeededRows() throws InterruptedException {
        assertThat(ReadModelTables.all().keySet()).containsExactlyInAnyOrderElementsOf(ProcessorTokens.PROCESSORS.stream()
                .filter(name -> !NOT_READ_MODELS.contains(name)).toList());
        for (Map.Entry<String, List<ReadModelTables.Table>> model : ReadModelTables.all().entrySet()) {
            Map<String, String> seeded = ReadModelTables.checksums(jdbc, model.getValue());
            rebuilds.rebuild(model.getKey(), progress -> { });
            assertThat(ReadModelTables.checksums(jdbc, model.getValue())).as(model.getKey()).isEqualTo(seeded);
        }
    }

    @Test
    void aSeededUserReadsTheirDashboardAndAlertsAndMarksASeededAlertRead() throws Exception {
        UUID user = jdbc.sql("""
                        SELECT user_id FROM dashboard.dashboard_summary WHERE alerts_unread > 0
                        ORDER BY alerts_total DESC, user_id LIMIT 1""").query(UUID.class).single();
        Map<String, Object> row = jdbc.sql("SELECT alerts_total, alerts_unread FROM dashboard.dashboard_summary WHERE user_id = ?")
                .param(user).query().singleRow();
        UUID unread = jdbc.sql("SELECT alert_id FROM alerting.alert_feed WHERE user_id = ? AND status = 'UNREAD' "
                + "ORDER BY created_at DESC LIMIT 1").param(user).query(UUID.class).single();
        String token = TestTokens.user(user);

        mvc.perform(get("/api/v1/dashboard").header(HttpHeaders.AUTHORIZATION, token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.alerts.total").value(row.get("alerts_total")))
                .andExpect(jsonPath("$.alerts.unread").value(row.get("alerts_unread")));
        mvc.perform(get("/api/v1/alerts").param("status", "UNREAD").header(HttpHeaders.AUTHORIZATION, token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].alertId").value(unread.toString()));

        mvc.perform(post("/api/v1/alerts/{id}/read", unread).header(HttpHeaders.AUTHORIZATION, token))
                .andExpect(status().isOk());

        assertThat(jdbc.sql("SELECT status FROM alerting.alert_feed WHERE alert_id = ?").param(unread)
                .query(String.class).single()).isEqualTo("READ");
        assertThat(jdbc.sql("SELECT alerts_unread FROM dashboard.dashboard_summary WHERE user_id = ?").param(user)
                .query(Integer.class).single()).isEqualTo(((Number) row.get("alerts_unread")).intValue() - 1);
        assertThat(jdbc.sql("SELECT sequence_number FROM axon.domain_event_entry WHERE aggregate_identifier = ? "
                + "ORDER BY sequence_number DESC LIMIT 1").param(unread.toString()).query(Long.class).single())
                .isEqualTo(1L);
    }
}
