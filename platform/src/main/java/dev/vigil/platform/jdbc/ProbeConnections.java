package dev.vigil.platform.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Properties;

/**
 * The probe's connection: to the pool's database, as the pool's user, with the pool's driver properties (so through
 * PgBouncer when the pool goes through it), but with timeouts the size of the probe's patience rather than a
 * request's, and its own application name in {@code pg_stat_activity}.
 */
final class ProbeConnections {

    private ProbeConnections() {
    }

    static DatabaseAvailability.ProbeConnector like(HikariDataSource pool, Duration answerTimeout) {
        Properties properties = new Properties();
        properties.putAll(pool.getDataSourceProperties());
        if (pool.getUsername() != null) {
            properties.setProperty("user", pool.getUsername());
        }
        if (pool.getPassword() != null) {
            properties.setProperty("password", pool.getPassword());
        }
        String seconds = String.valueOf(Math.max(1, answerTimeout.toSeconds()));
        properties.setProperty("connectTimeout", seconds);
        properties.setProperty("loginTimeout", seconds);
        properties.setProperty("socketTimeout", String.valueOf(Math.max(1, answerTimeout.toSeconds()) + 1));
        properties.setProperty("ApplicationName", pool.getPoolName() + "-probe");
        String url = pool.getJdbcUrl();
        return () -> DriverManager.getConnection(url, properties);
    }
}
