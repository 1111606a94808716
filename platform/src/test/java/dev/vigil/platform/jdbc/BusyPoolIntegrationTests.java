package dev.vigil.platform.jdbc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.zaxxer.hikari.HikariDataSource;
import dev.vigil.platform.PlatformTestApplication;
import dev.vigil.platform.testing.TestTokens;
import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A request that finds every pooled connection taken answers 503 with Retry-After, not 500. The pool waits only
 * 300 ms for a connection, so the test takes them all patiently: opening one may take longer on a busy machine.
 */
@SpringBootTest(classes = PlatformTestApplication.class, properties = "spring.datasource.hikari.connection-timeout=300")
@AutoConfigureMockMvc
class BusyPoolIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DataSource dataSource;

    @Test
    void noFreeConnectionIsA503WithRetryAfter() throws Exception {
        int size = dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize();
        List<Connection> taken = new ArrayList<>();
        try {
            Awaitility.await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ZERO)
                    .ignoreExceptionsInstanceOf(SQLTransientConnectionException.class)
                    .until(() -> taken.add(dataSource.getConnection()) && taken.size() == size);
            mvc.perform(get("/api/v1/telemetry-probe").param("statements", "1")
                            .header(HttpHeaders.AUTHORIZATION, TestTokens.user(UUID.randomUUID())))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string(HttpHeaders.RETRY_AFTER, "1"))
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value("https://vigil.dev/problems/busy"));
        } finally {
            for (Connection connection : taken) {
                connection.close();
            }
        }
        mvc.perform(get("/api/v1/telemetry-probe").param("statements", "1")
                        .header(HttpHeaders.AUTHORIZATION, TestTokens.user(UUID.randomUUID())))
                .andExpect(status().isOk());
    }
}
