package dev.vigil.platform.axon;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds the platform's Axon settings (Jackson everywhere, no Axon Server, no update check) as the
 * lowest-precedence property source: every application and test context gets them, and any of
 * them can still be overridden the usual way.
 * <p>
 * Axon reads its update-check switch from a JVM system property, not from Spring's environment, so the
 * resolved {@value #UPDATE_CHECK_DISABLED} is copied there unless the JVM was started with its own value.
 */
public class AxonDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String RESOURCE = "dev/vigil/platform/axon/axon-defaults.properties";
    static final String UPDATE_CHECK_DISABLED = "axoniq.update-checker.disabled";

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getPropertySources().contains(RESOURCE)) {
            try {
                environment.getPropertySources()
                        .addLast(new ResourcePropertySource(RESOURCE, new ClassPathResource(RESOURCE)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (System.getProperty(UPDATE_CHECK_DISABLED) == null) {
            System.setProperty(UPDATE_CHECK_DISABLED, environment.getProperty(UPDATE_CHECK_DISABLED, "true"));
        }
    }
}
