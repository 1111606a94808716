package dev.vigil.platform.testing;

import dev.vigil.platform.jdbc.DataSourceDefaultsEnvironmentPostProcessor;
import dev.vigil.platform.jdbc.JdbcUrls;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Runs after the development-server resolution: creates {@code vigil_test_<time>_<random>} on the resolved
 * PostgreSQL and a key prefix on the resolved Redis, points the context at them, and registers their
 * removal as the first disposable bean, so it runs last, after the pool has closed.
 * Set {@code vigil.test.isolation=false} to opt out (a test that manages its own database). Test pools are
 * small unless a test sets {@code vigil.test.production-pool=true} (the tests of the pool's settings).
 */
public class IsolatedTestEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY_SOURCE = "vigilTestIsolation";

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 50;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("vigil.test.isolation", Boolean.class, true)
                || environment.getPropertySources().contains(PROPERTY_SOURCE)) {
            return;
        }
        String serverUrl = environment.getRequiredProperty("spring.datasource.url");
        String username = environment.getProperty("spring.datasource.username", "postgres");
        String password = environment.getProperty("spring.datasource.password", "postgres");
        URI redisUrl = URI.create(environment.getProperty("vigil.redis.url", "redis://localhost:6379/0"));

        TestDatabases databases = new TestDatabases(serverUrl, username, password);
        databases.dropAbandoned("test");
        String name = databases.create("test");
        TestKeyspace keyspace = new TestKeyspace(redisUrl, "vigil-test:" + name + ":");

        Map<String, Object> isolated = new HashMap<>(Map.of(
                "spring.datasource.url", JdbcUrls.withDatabase(serverUrl, name),
                "vigil.datasource.create-if-missing", false,
                "vigil.redis.key-prefix", keyspace.prefix()));
        String replicaUrl = environment.getProperty("vigil.replica.url", "");
        if (!replicaUrl.isBlank()) {
            // a standby of the test's server (ReplicatedPostgres) holds the same database once it has replayed it
            isolated.put("vigil.replica.url", JdbcUrls.withDatabase(replicaUrl, name));
        }
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, isolated));

        if (!environment.getProperty("vigil.test.production-pool", Boolean.class, false)) {
            // Many contexts live at once across a build (and builds may share the server): each keeps a small,
            // quickly shrinking pool instead of 20 idle connections. Tests of the pool itself opt out. Just above
            // Vigil's defaults, so a test's own spring.datasource.hikari.* still wins.
            environment.getPropertySources().addBefore(DataSourceDefaultsEnvironmentPostProcessor.DEFAULTS,
                    new MapPropertySource(PROPERTY_SOURCE + "Pool", Map.of(
                            "spring.datasource.hikari.maximum-pool-size", 10,
                            "spring.datasource.hikari.minimum-idle", 1,
                            "spring.datasource.hikari.idle-timeout", 10_000)));
        }

        application.addInitializers(context -> {
            if (context.getBeanFactory() instanceof DefaultListableBeanFactory beanFactory) {
                beanFactory.registerDisposableBean("vigilTestIsolationCleanup", () -> {
                    keyspace.delete();
                    databases.drop(name);
                });
            }
        });
    }
}
