package dev.vigil.platform.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.vigil.platform.PlatformTestApplication;
import dev.vigil.platform.testing.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@SpringBootTest(classes = PlatformTestApplication.class)
@AutoConfigureMockMvc
class StatementTelemetryIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Test
    void everyStatementIsTimedUnderItsName() {
        long before = count("platform.telemetry_probe");
        jdbc.sql("/* platform.telemetry_probe */ SELECT 1").query(Integer.class).single();
        jdbc.sql("/* platform.telemetry_probe */ SELECT 2").query(Integer.class).single();
        assertThat(count("platform.telemetry_probe")).isEqualTo(before + 2);
    }

    @Test
    void statementsAreCountedPerRequestAndRoute() throws Exception {
        UUID user = UUID.randomUUID();
        assertThat(statementsOf(probe(user, 3))).isEqualTo(3);
        assertThat(statementsOf(probe(user, 0))).isEqualTo(0);
        assertThat(meters.get("vigil.http.statements").tag("route", "/api/v1/telemetry-probe").tag("method", "GET")
                .summary().count()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void namesComeFromTheLeadingComment() {
        assertThat(StatementNames.of("/* alerting.alert_page */ SELECT 1")).isEqualTo("alerting.alert_page");
        assertThat(StatementNames.of("\n  /* identity.user_profile_upsert */\nINSERT ...")).isEqualTo("identity.user_profile_upsert");
        assertThat(StatementNames.of("SELECT token FROM axon.token_entry")).isEqualTo(StatementNames.AXON);
        assertThat(StatementNames.of("SELECT 1 /* trailing.comment */")).isEqualTo(StatementNames.UNNAMED);
    }

    private MvcResult probe(UUID user, int statements) throws Exception {
        return mvc.perform(get("/api/v1/telemetry-probe").param("statements", String.valueOf(statements))
                        .header(HttpHeaders.AUTHORIZATION, TestTokens.user(user)))
                .andExpect(status().isOk()).andReturn();
    }

    private static Object statementsOf(MvcResult result) {
        return result.getRequest().getAttribute(RequestStatements.REQUEST_ATTRIBUTE);
    }

    private long count(String name) {
        Timer timer = meters.find("db.query").tag("name", name).tag("outcome", "success").timer();
        return timer == null ? 0 : timer.count();
    }
}
