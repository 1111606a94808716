package dev.vigil.app.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ch.qos.logback.classic.Level;
import dev.vigil.platform.testing.ExpectedLogs;
import dev.vigil.platform.testing.TestTokens;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What an operator's Prometheus scrapes: the pool, every statement by name, statements per request by route,
 * and slow statements by name and level, under the names docs/ops/alerts.yml and the dashboards use.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PrometheusScrapeIntegrationTests {

    /** The slow-statement line of the probe that is slow on purpose. */
    @RegisterExtension
    final ExpectedLogs slowStatements = ExpectedLogs.from("vigil.sql.slow");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theScrapeHoldsPoolQueryAndSlowStatementMeters() throws Exception {
        jdbc.sql("/* app.scrape_probe */ SELECT pg_sleep(0.55)").query().listOfRows(); // just over the warn line
        slowStatements.assertLogged(Level.WARN, "name=app.scrape_probe");
        mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, TestTokens.user(UUID.randomUUID())));

        List<String> scrape = mvc.perform(get("/actuator/prometheus")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString().lines().filter(line -> !line.startsWith("#")).toList();

        for (String pool : List.of("hikaricp_connections_active", "hikaricp_connections_idle",
                "hikaricp_connections_pending", "hikaricp_connections_max", "hikaricp_connections_acquire_seconds_count",
                "hikaricp_connections_timeout_total")) {
            assertThat(sample(scrape, pool, "pool=\"vigil-db\"")).as(pool).isNotNull();
        }
        assertThat(sample(scrape, "db_query_seconds_bucket", "name=\"app.scrape_probe\"", "outcome=\"success\"", "le="))
                .isNotNull();
        assertThat(sample(scrape, "db_query_slow_total", "name=\"app.scrape_probe\"", "level=\"warn\"")).endsWith(" 1.0");
        assertThat(sample(scrape, "vigil_http_statements_count", "method=\"GET\"", "route=\"/api/v1/me\""))
                .isNotNull();
        // what docs/ops/alerts.yml's admission rules read: present from start-up, before any request is turned away
        for (String admission : List.of("vigil_http_admission_rejected_total", "vigil_http_admission_waiting",
                "vigil_http_admission_active")) {
            assertThat(sample(scrape, admission)).as(admission).isNotNull();
        }
        assertThat(scrape).as("every meter carries the application tag").allMatch(line -> line.contains(
                "application=\"vigil\"") || !line.contains("{"));
    }

    /** The first sample line of {@code metric} carrying every label given, or null. */
    private static String sample(List<String> scrape, String metric, String... labels) {
        return scrape.stream()
                .filter(line -> line.startsWith(metric + "{"))
                .filter(line -> List.of(labels).stream().allMatch(line::contains))
                .findFirst().orElse(null);
    }
}
