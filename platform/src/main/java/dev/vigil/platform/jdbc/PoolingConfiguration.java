package dev.vigil.platform.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.vigil.platform.sql.InstrumentedDataSources;
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
@EnableConfigurationProperties(DatabaseProperties.class)
public class PoolingConfiguration {

    /**
     * The pool wrapped in datasource-proxy: the only DataSource bean, so every statement (ours, Axon's,
     * Flyway's) is named, timed and counted. Code that needs the pool itself unwraps it
     * ({@code dataSource.unwrap(HikariDataSource.class)}).
     */
    @Bean
    DataSource dataSource(DatabaseProperties properties, ObjectProvider<MeterRegistry> meters) {
        if (properties.createIfMissing()) {
            DatabaseCreator.ensureExists(properties);
        }
        HikariDataSource pool = HikariPools.create(properties);
        return InstrumentedDataSources.wrap(pool, pool.getPoolName(), meters.getIfAvailable(SimpleMeterRegistry::new));
    }
}
