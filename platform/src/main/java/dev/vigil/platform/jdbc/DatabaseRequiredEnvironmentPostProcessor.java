package dev.vigil.platform.jdbc;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * Stops start-up before anything is built when no database is configured and nothing supplied one: the
 * production jar (no development servers in it) or the production profile (which switches them off) started
 * without {@code VIGIL_DB_URL}. Runs after the development servers and the test harness have had their say.
 */
public class DatabaseRequiredEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 10;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
            throw new DatabaseNotConfiguredException();
        }
    }
}
