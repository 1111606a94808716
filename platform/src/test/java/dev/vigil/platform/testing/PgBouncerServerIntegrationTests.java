package dev.vigil.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vigil.platform.PlatformTestApplication;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The harness's PgBouncer really pools by transaction: with one server connection, what one client leaves in
 * the session reaches the next client, which is why Vigil keeps nothing in the session behind PgBouncer
 * (docs/pooling.md, "Behind PgBouncer").
 */
@SpringBootTest(classes = PlatformTestApplication.class,
        properties = {"vigil.test.pgbouncer=true", "vigil.test.pgbouncer.pool-size=1"})
class PgBouncerServerIntegrationTests {

    @Autowired
    PgBouncerServer pgbouncer;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void pgbouncerIsInstalled() {
        if ("1".equals(System.getenv("VIGIL_REQUIRE_PGBOUNCER"))) {
            assertThat(PgBouncerServer.installed()).as(PgBouncerServer.EXECUTABLE).isTrue();
        }
        assumeTrue(PgBouncerServer.installed(), "pgbouncer is not installed (apt-get install pgbouncer)");
    }

    @Test
    void thePoolsSessionsHaveTheTimeoutsOfTheRole() {
        assertThat(jdbc.sql("SHOW statement_timeout").query(String.class).single()).isEqualTo("5s");
        java.util.Map<String, Long> pool = pgbouncer.pool();
        assertThat(pool.get("sv_active") + pool.get("sv_idle") + pool.get("sv_used")).as("server connections")
                .isLessThanOrEqualTo(1);
    }

    @Test
    void aSessionSettingOfOneClientReachesAnother() throws SQLException {
        try (Connection first = connect("0"); Connection second = connect("0")) {
            execute(first, "SET work_mem = '7MB'");
            assertThat(show(second, "work_mem")).isEqualTo("7MB");
            execute(first, "RESET work_mem");
        }
    }

    @Test
    void serverPreparedStatementsOfTwoClientsCollide() throws SQLException {
        try (Connection first = connect("1"); Connection second = connect("1")) {
            query(first);
            assertThatThrownBy(() -> query(second)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("prepared statement \"S_1\" already exists");
        }
        try (Connection first = connect("0"); Connection second = connect("0")) {
            query(first);
            query(second);
        }
    }

    private Connection connect(String prepareThreshold) throws SQLException {
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("user", "postgres");
        properties.setProperty("prepareThreshold", prepareThreshold);
        return DriverManager.getConnection(pgbouncer.jdbcUrl(), properties);
    }

    private static void query(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT ?::int")) {
            statement.setInt(1, 1);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String show(Connection connection, String setting) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SHOW " + setting)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
