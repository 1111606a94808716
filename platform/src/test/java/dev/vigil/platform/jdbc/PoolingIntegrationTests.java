package dev.vigil.platform.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfigMXBean;
import com.zaxxer.hikari.HikariDataSource;
import dev.vigil.platform.PlatformTestApplication;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The pool as it runs, read back from HikariCP and from PostgreSQL, not from the properties.
 */
@SpringBootTest(classes = PlatformTestApplication.class, properties = "vigil.test.production-pool=true")
class PoolingIntegrationTests {

    @Autowired
    DataSource instrumented;

    HikariDataSource dataSource;

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void unwrapThePool() throws SQLException {
        dataSource = instrumented.unwrap(HikariDataSource.class);
    }

    @Test
    void livePoolHasTheDocumentedSettings() {
        HikariConfigMXBean pool = dataSource.getHikariConfigMXBean();
        assertThat(pool.getPoolName()).isEqualTo("vigil-db");
        assertThat(pool.getMaximumPoolSize()).isEqualTo(20);
        assertThat(pool.getMinimumIdle()).isEqualTo(20);
        assertThat(pool.getConnectionTimeout()).isEqualTo(TimeUnit.SECONDS.toMillis(2));
        assertThat(pool.getIdleTimeout()).isEqualTo(TimeUnit.MINUTES.toMillis(10));
        assertThat(pool.getMaxLifetime()).isEqualTo(TimeUnit.MINUTES.toMillis(30));
        assertThat(pool.getLeakDetectionThreshold()).isEqualTo(TimeUnit.SECONDS.toMillis(20));
        assertThat(dataSource.getKeepaliveTime()).isEqualTo(TimeUnit.MINUTES.toMillis(2));
    }

    @Test
    void everySessionCarriesServerSideTimeouts() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForObject("SHOW statement_timeout", String.class)).isEqualTo("5s");
        assertThat(jdbc.queryForObject("SHOW idle_in_transaction_session_timeout", String.class)).isEqualTo("30s");
        assertThat(jdbc.queryForObject("SHOW application_name", String.class)).isEqualTo("vigil");
    }

    /**
     * pgjdbc reads only string-valued properties: a number in HikariCP's data-source properties would be
     * dropped without a word (the socket timeout, the connect timeout, prepareThreshold).
     */
    @Test
    void theDriverTakesTheNumericSettings() throws SQLException {
        try (java.sql.Connection connection = dataSource.getConnection()) {
            assertThat(connection.getNetworkTimeout()).as("socketTimeout, in ms").isEqualTo(30_000);
            assertThat(connection.unwrap(org.postgresql.PGConnection.class).getPrepareThreshold())
                    .as("the driver's default").isEqualTo(5);
        }
    }

    @Test
    void serverCancelsARunawayStatement() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        long started = System.nanoTime();
        // far longer than the 5 s timeout, and under the 30 s socket timeout, so only the server can end it early
        assertThatThrownBy(() -> jdbc.execute("SELECT pg_sleep(25)"))
                .isInstanceOf(QueryTimeoutException.class)
                .hasMessageContaining("statement timeout");
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).isLessThan(25);
    }

    @Test
    void poolMetricsAreBoundToMicrometer() {
        assertThat(meters.get("hikaricp.connections.max").tag("pool", "vigil-db").gauge().value()).isEqualTo(20);
        assertThat(meters.find("hikaricp.connections.acquire").tag("pool", "vigil-db").timer()).isNotNull();
        assertThat(meters.find("hikaricp.connections.timeout").tag("pool", "vigil-db").counter()).isNotNull();
    }
}
