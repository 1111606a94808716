package dev.vigil.platform.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.vigil.platform.sql.SlowStatementProperties;
import dev.vigil.platform.sql.StatementTelemetry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The instance's single HikariCP pool. Boot's own DataSource configuration backs off; Boot still binds
 * the pool's metrics to Micrometer ({@code hikaricp_*}) and uses it for Flyway, JDBC and Axon.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@EnableConfigurationProperties({DatabaseProperties.class, SlowStatementProperties.class})
public class PoolingConfiguration {

    /**
     * The pool wrapped in datasource-proxy: the only DataSource bean, so every statement (ours, Axon's,
     * Flyway's) is named, timed, counted and, when slow, reported ({@link StatementTelemetry}). Code that needs the pool itself unwraps it
     * ({@code dataSource.unwrap(HikariDataSource.class)}).
     */
    @Bean
    StatementTelemetry statementTelemetry(ObjectProvider<MeterRegistry> meters, SlowStatementProperties slow) {
        return new StatementTelemetry(meters.getIfAvailable(SimpleMeterRegistry::new), slow);
    }

    @Bean
    DataSource dataSource(DatabaseProperties properties, StatementTelemetry telemetry) {
        if (properties.createIfMissing()) {
            DatabaseCreator.ensureExists(properties);
        }
        HikariDataSource pool = HikariPools.create(properties);
        return telemetry.wrap(pool, pool.getPoolName());
    }
}
