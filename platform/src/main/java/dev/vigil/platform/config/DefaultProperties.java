package dev.vigil.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/** A platform properties file added as the lowest-precedence source: every context gets it, any key can be overridden. */
public final class DefaultProperties {

    private DefaultProperties() {
    }

    /** Adds {@code resource} (a class-path properties file) once, after every other property source. */
    public static void addLast(ConfigurableEnvironment environment, String resource) {
        if (environment.getPropertySources().contains(resource)) {
            return;
        }
        try {
            environment.getPropertySources().addLast(new ResourcePropertySource(resource, new ClassPathResource(resource)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
