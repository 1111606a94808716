package dev.vigil.platform.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.vigil.platform.sql.StatementTelemetry;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Finishes the pool Spring Boot builds from {@code spring.datasource.*} and {@code spring.datasource.hikari.*},
 * before it opens a connection: checks its settings
 * ({@link UnreadSettings}, {@link PoolSettings}), adds Vigil's driver properties
 * ({@link VigilDataSourceProperties}), creates the database if asked to, and wraps it in the statement telemetry,
 * so every statement (ours, Axon's, Flyway's) is named, timed and counted, and in the
 * {@link AvailabilityGatedDataSource}, so a request meets a database known to be down at once. Boot's {@code hikaricp_*} metrics
 * still find the pool through the wrapper; code that needs the pool itself unwraps it.
 */
final class PooledDataSourcePostProcessor implements BeanPostProcessor {

    private final ConfigurableEnvironment environment;
    private final ObjectProvider<VigilDataSourceProperties> settings;
    private final ObjectProvider<StatementTelemetry> telemetry;
    private final ObjectProvider<DatabaseAvailability> availability;

    PooledDataSourcePostProcessor(ConfigurableEnvironment environment,
            ObjectProvider<VigilDataSourceProperties> settings, ObjectProvider<StatementTelemetry> telemetry,
            ObjectProvider<DatabaseAvailability> availability) {
        this.environment = environment;
        this.settings = settings;
        this.telemetry = telemetry;
        this.availability = availability;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof HikariDataSource pool)) {
            return bean;
        }
        VigilDataSourceProperties vigil = settings.getObject();
        UnreadSettings.check(environment, pool);
        PoolSettings.check(pool);
        vigil.driverProperties().forEach(pool::addDataSourceProperty);
        if (vigil.createIfMissing()) {
            DatabaseCreator.ensureExists(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
        }
        DataSource watched = telemetry.getObject().wrap(pool, pool.getPoolName(),
                List.of(new ConnectionFailureListener(availability)));
        return new AvailabilityGatedDataSource(watched, availability);
    }
}
