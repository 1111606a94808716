package dev.vigil.platform.testing;

import dev.vigil.platform.jdbc.JdbcUrls;
import java.net.InetSocketAddress;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code vigil.test.pgbouncer=true}: the context's pool reaches its test database through a private
 * {@link PgBouncerServer} in transaction mode, configured as docs/pooling.md says Vigil runs behind PgBouncer:
 * <ul>
 *   <li>{@code vigil.datasource.prepare-threshold=0}: PgBouncer 1.18 does not carry server-side prepared
 *       statements from one transaction to the next;</li>
 *   <li>the session timeouts, which PgBouncer cannot pass on in the start-up packet, are set on the role in the
 *       database ({@code ALTER ROLE ... IN DATABASE ... SET}), the test's stand-in for the production
 *       {@code ALTER ROLE vigil SET};</li>
 *   <li>Flyway migrates over a direct connection ({@code spring.flyway.url}): its session settings must not be
 *       left on a server connection other clients then get.</li>
 * </ul>
 * PgBouncer's pool is {@code vigil.test.pgbouncer.pool-size} (5) server connections, half the test pool's 10
 * client connections, so transactions really take turns on shared server connections. Runs after
 * {@link IsolatedTestEnvironmentPostProcessor}; PgBouncer stops before that one's cleanup drops the database.
 */
public class PgBouncerTestEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY_SOURCE = "vigilTestPgBouncer";
    /** The bean a test autowires to look at PgBouncer's pools and counters. */
    public static final String BEAN_NAME = "vigilTestPgBouncer";

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 40;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("vigil.test.pgbouncer", Boolean.class, false)
                || environment.getPropertySources().contains(PROPERTY_SOURCE)) {
            return;
        }
        String directUrl = environment.getRequiredProperty("spring.datasource.url");
        String username = environment.getProperty("spring.datasource.username", "postgres");
        String password = environment.getProperty("spring.datasource.password", "postgres");
        String database = JdbcUrls.database(directUrl);
        Binder binder = Binder.get(environment);
        setSessionTimeoutsOnTheRole(directUrl, username, password, database,
                binder.bind("vigil.datasource.statement-timeout", Duration.class).orElse(Duration.ofSeconds(5)),
                binder.bind("vigil.datasource.lock-timeout", Duration.class).orElse(Duration.ofMillis(500)),
                binder.bind("vigil.datasource.idle-in-transaction-timeout", Duration.class)
                        .orElse(Duration.ofSeconds(30)));

        URI server = JdbcUrls.hostAndPort(directUrl);
        PgBouncerServer bouncer = PgBouncerServer.start(new InetSocketAddress(server.getHost(), server.getPort()),
                database, username, environment.getProperty("vigil.test.pgbouncer.pool-size", Integer.class, 5));
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, Map.of(
                "spring.datasource.url", bouncer.jdbcUrl(),
                "vigil.datasource.prepare-threshold", 0,
                "spring.flyway.url", directUrl,
                "spring.flyway.user", username,
                "spring.flyway.password", password)));

        application.addInitializers(context -> {
            context.getBeanFactory().registerSingleton(BEAN_NAME, bouncer);
            if (context.getBeanFactory() instanceof DefaultListableBeanFactory beanFactory) {
                // registered after the isolation's cleanup, so destroyed before it drops the database
                beanFactory.registerDisposableBean(BEAN_NAME + "Stop", bouncer::close);
            }
        });
    }

    private static void setSessionTimeoutsOnTheRole(String url, String username, String password, String database,
            Duration statementTimeout, Duration lockTimeout, Duration idleInTransactionTimeout) {
        try (Connection connection = DriverManager.getConnection(url, username, password);
                Statement statement = connection.createStatement()) {
            statement.execute("ALTER ROLE " + username + " IN DATABASE " + database + " SET statement_timeout = "
                    + statementTimeout.toMillis());
            statement.execute("ALTER ROLE " + username + " IN DATABASE " + database + " SET lock_timeout = "
                    + lockTimeout.toMillis());
            statement.execute("ALTER ROLE " + username + " IN DATABASE " + database
                    + " SET idle_in_transaction_session_timeout = " + idleInTransactionTimeout.toMillis());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set the session timeouts on " + database + ": " + e.getMessage(), e);
        }
    }
}
