package dev.vigil.platform.web;

import dev.vigil.platform.config.DefaultProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Adds the platform's web settings ({@value #RESOURCE}: no form or multipart parsing, no whitelabel page, no WARN for
 * a client error) as the lowest-precedence property source, so every application and test context gets them.
 */
public class WebDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String RESOURCE = "dev/vigil/platform/web/web-defaults.properties";

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        DefaultProperties.addLast(environment, RESOURCE);
    }
}
