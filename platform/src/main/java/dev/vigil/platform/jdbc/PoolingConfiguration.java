package dev.vigil.platform.jdbc;

import dev.vigil.platform.sql.SlowStatementProperties;
import dev.vigil.platform.sql.StatementTelemetry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The instance's single HikariCP pool is Spring Boot's own, configured the Spring way
 * ({@code spring.datasource.*}, {@code spring.datasource.hikari.*}, with Vigil's defaults from
 * {@link DataSourceDefaultsEnvironmentPostProcessor}); this adds Vigil's connection settings
 * ({@code vigil.datasource.*}) and the statement telemetry around it ({@link PooledDataSourcePostProcessor}).
 * Boot binds the pool's metrics to Micrometer ({@code hikaricp_*}) and uses it for Flyway, JDBC and Axon.
 */
@AutoConfiguration
@EnableConfigurationProperties({VigilDataSourceProperties.class, SlowStatementProperties.class})
public class PoolingConfiguration {

    @Bean
    StatementTelemetry statementTelemetry(ObjectProvider<MeterRegistry> meters, SlowStatementProperties slow) {
        return new StatementTelemetry(meters.getIfAvailable(SimpleMeterRegistry::new), slow);
    }

    /** Static, and given its collaborators lazily, so no bean is created early for it. */
    @Bean
    static PooledDataSourcePostProcessor pooledDataSourcePostProcessor(ConfigurableEnvironment environment,
            ObjectProvider<VigilDataSourceProperties> settings, ObjectProvider<StatementTelemetry> telemetry) {
        return new PooledDataSourcePostProcessor(environment, settings, telemetry);
    }
}
