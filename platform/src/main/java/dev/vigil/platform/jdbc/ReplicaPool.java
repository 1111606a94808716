package dev.vigil.platform.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The read-only pool on the standby, kept out of the context's {@code DataSource} beans (Boot's JDBC, Flyway and
 * Axon must keep finding exactly one, the primary), with its statements named and counted like the primary's.
 */
record ReplicaPool(HikariDataSource pool, JdbcClient jdbc) implements AutoCloseable {

    @Override
    public void close() {
        pool.close();
    }
}
