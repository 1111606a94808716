package dev.vigil.platform.testing;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * A test that sets {@code vigil.test.replicated-postgres=true} runs on the JVM's shared {@link ReplicatedPostgres}:
 * the primary as its server and the standby as its read replica. Runs before the test isolation, which then makes
 * the test's own database there (and names it in both URLs).
 */
public class ReplicatedPostgresEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 60;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("vigil.test.replicated-postgres", Boolean.class, false)) {
            return;
        }
        ReplicatedPostgres pair = ReplicatedPostgres.shared();
        environment.getPropertySources().addFirst(new MapPropertySource("vigilReplicatedPostgres", Map.of(
                "spring.datasource.url", pair.primaryUrl(),
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "",
                "vigil.replica.url", pair.standbyUrl())));
    }
}
