package dev.vigil.platform.axon;

import dev.vigil.platform.config.DefaultProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Adds the platform's Axon settings (Jackson everywhere, no Axon Server, no update check) as the
 * lowest-precedence property source: every application and test context gets them, and any of
 * them can still be overridden the usual way.
 * <p>
 * Axon reads two switches from JVM system properties only, not from Spring's environment: the update check
 * ({@value #UPDATE_CHECK_DISABLED}, copied from the resolved environment) and the start-up advertisement for
 * AxonIQ Console ({@value #CONSOLE_MESSAGE_DISABLED}, off). A value the JVM was started with is left alone.
 */
public class AxonDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String RESOURCE = "dev/vigil/platform/axon/axon-defaults.properties";
    static final String UPDATE_CHECK_DISABLED = "axoniq.update-checker.disabled";
    static final String CONSOLE_MESSAGE_DISABLED = "disable-axoniq-console-message";

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        DefaultProperties.addLast(environment, RESOURCE);
        if (System.getProperty(UPDATE_CHECK_DISABLED) == null) {
            System.setProperty(UPDATE_CHECK_DISABLED, environment.getProperty(UPDATE_CHECK_DISABLED, "true"));
        }
        if (System.getProperty(CONSOLE_MESSAGE_DISABLED) == null) {
            System.setProperty(CONSOLE_MESSAGE_DISABLED, "true");
        }
    }
}
