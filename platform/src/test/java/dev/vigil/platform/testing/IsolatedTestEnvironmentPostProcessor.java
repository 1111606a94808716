package dev.vigil.platform.testing;

import dev.vigil.platform.jdbc.JdbcUrls;
import java.net.URI;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
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
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

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
        String serverUrl = environment.getRequiredProperty("vigil.db.url");
        String username = environment.getProperty("vigil.db.username", "postgres");
        String password = environment.getProperty("vigil.db.password", "postgres");
        URI redisUrl = URI.create(environment.getProperty("vigil.redis.url", "redis://localhost:6379/0"));

        String name = "vigil_test_" + LocalDateTime.now(ZoneOffset.UTC).format(STAMP) + "_"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);
        TestDatabases databases = new TestDatabases(serverUrl, username, password);
        databases.dropAbandoned();
        databases.create(name);
        TestKeyspace keyspace = new TestKeyspace(redisUrl, "vigil-test:" + name + ":");

        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, Map.of(
                "vigil.db.url", JdbcUrls.withDatabase(serverUrl, name),
                "vigil.db.create-if-missing", false,
                "vigil.redis.key-prefix", keyspace.prefix())));

        if (!environment.getProperty("vigil.test.production-pool", Boolean.class, false)) {
            // Many contexts live at once across a build (and builds may share the server): each keeps a small,
            // quickly shrinking pool instead of 20 idle connections. Tests of the pool itself opt out.
            environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE + "Pool", Map.of(
                    "vigil.db.pool.maximum-pool-size", 10,
                    "vigil.db.pool.minimum-idle", 1,
                    "vigil.db.pool.idle-timeout", "10s")));
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
