package dev.vigil.platform.jdbc;

import dev.vigil.platform.sql.SlowStatementProperties;
import dev.vigil.platform.sql.StatementTelemetry;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.jdbc.DataSourceHealthContributorAutoConfiguration;
import org.springframework.boot.actuate.health.HealthIndicator;
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
/* before Boot's db health component, which stands back for the bean named dbHealthIndicator */
@AutoConfiguration(before = DataSourceHealthContributorAutoConfiguration.class)
@EnableConfigurationProperties({VigilDataSourceProperties.class, SlowStatementProperties.class,
        DatabaseAvailabilityProperties.class})
public class PoolingConfiguration {

    @Bean
    StatementTelemetry statementTelemetry(ObjectProvider<MeterRegistry> meters, SlowStatementProperties slow) {
        return new StatementTelemetry(meters.getIfAvailable(SimpleMeterRegistry::new), slow);
    }

    /** Static, and given its collaborators lazily, so no bean is created early for it. */
    @Bean
    static PooledDataSourcePostProcessor pooledDataSourcePostProcessor(ConfigurableEnvironment environment,
            ObjectProvider<VigilDataSourceProperties> settings, ObjectProvider<StatementTelemetry> telemetry,
            ObjectProvider<DatabaseAvailability> availability) {
        return new PooledDataSourcePostProcessor(environment, settings, telemetry, availability);
    }

    /** Probes the pool's database on a connection of its own, made the way the pool makes its connections. */
    @Bean(destroyMethod = "close")
    DatabaseAvailability databaseAvailability(DataSource dataSource, DatabaseAvailabilityProperties probe,
            ObjectProvider<MeterRegistry> meters) throws SQLException {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        // a request that slipped past the gate as the database went fails rather than waits for the pool's resumption
        System.setProperty("com.zaxxer.hikari.throwIfSuspended", "true");
        return new DatabaseAvailability(ProbeConnections.like(pool, probe.answerTimeout()), probe.interval(),
                probe.intervalWhileDown(), probe.answerTimeout(), new SuspendedWhileUnavailable(pool),
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    /** The {@code db} health component, and what readiness waits for: the probe's last word, never a query of its own. */
    @Bean
    HealthIndicator dbHealthIndicator(DatabaseAvailability availability) {
        return new DatabaseHealthIndicator(availability);
    }
}
