package dev.vigil.app.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ch.qos.logback.classic.Level;
import dev.vigil.app.ops.GrafanaDashboard.Query;
import dev.vigil.platform.testing.ExpectedLogs;
import dev.vigil.platform.testing.TestTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every metric the operator's dashboard (docs/ops/grafana) queries is in a real scrape of the service, so no panel
 * stays empty for a misspelled or renamed meter. The service runs on a primary and a streaming standby
 * ({@code ReplicatedPostgres}), so the replica's pool and {@code vigil_replica_*} are scraped too, and the test
 * first causes what some meters wait for: a slow statement, cached reads, HTTP requests.
 */
@SpringBootTest(properties = "vigil.test.replicated-postgres=true")
@AutoConfigureMockMvc
@DirtiesContext // closed with the class, so it never polls a standby that the JVM's exit has already stopped
class GrafanaDashboardIntegrationTests {

    @RegisterExtension
    final ExpectedLogs slowStatements = ExpectedLogs.from("vigil.sql.slow");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyMetricTheDashboardQueriesIsInTheScrape() throws Exception {
        causeTheMetersThatWaitForActivity();
        Set<String> scraped = ScrapedMetricNames.in(mvc.perform(get("/actuator/prometheus"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        List<Query> queries = GrafanaDashboard.load().queries();
        List<String> missing = new ArrayList<>();
        for (Query query : queries) {
            for (String metric : PromQlMetricNames.in(query.expr())) {
                if (!scraped.contains(metric)) {
                    missing.add(query.where() + " queries " + metric);
                }
            }
        }
        assertThat(queries).isNotEmpty();
        assertThat(missing).as("metrics the dashboard queries that the scrape does not hold").isEmpty();
    }

    private void causeTheMetersThatWaitForActivity() throws Exception {
        // db.query.slow: a named statement just over the warn line (500 ms)
        jdbc.sql("/* app.dashboard_probe */ SELECT pg_sleep(0.55)").query().listOfRows();
        slowStatements.assertLogged(Level.WARN, "name=app.dashboard_probe");
        // http.server.requests and the read cache's per-space counters: a read twice, a miss then a hit
        String token = TestTokens.user(UUID.randomUUID());
        for (int i = 0; i < 2; i++) {
            mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, token));
        }
    }
}
