package dev.vigil.platform.jdbc;

import dev.vigil.platform.config.DefaultProperties;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives Spring Boot's data source Vigil's defaults, as the lowest-precedence property sources, so a user sets
 * any of them the usual Spring way:
 * <ul>
 *   <li>{@value #DEFAULTS}: the pool ({@code spring.datasource.hikari.*}) and the always-on driver properties;</li>
 *   <li>the short names deployments use for where the database is: {@code VIGIL_DB_URL},
 *       {@code VIGIL_DB_USERNAME}, {@code VIGIL_DB_PASSWORD} ({@code vigil.db.url} etc.) stand for
 *       {@code spring.datasource.url}, {@code .username}, {@code .password}; Spring's own names win.</li>
 * </ul>
 * Runs before the development servers look for a configured database.
 */
public class DataSourceDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    public static final String DEFAULTS = "dev/vigil/platform/jdbc/datasource-defaults.properties";
    static final String SHORT_NAMES = "vigilDatabaseShortNames";
    private static final Map<String, String> SHORT_NAME_TARGETS = Map.of(
            "vigil.db.url", "spring.datasource.url",
            "vigil.db.username", "spring.datasource.username",
            "vigil.db.password", "spring.datasource.password");

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 200;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(DEFAULTS)) {
            return;
        }
        Map<String, Object> shortNames = new LinkedHashMap<>();
        SHORT_NAME_TARGETS.forEach((shortName, target) -> {
            String value = environment.getProperty(shortName);
            if (value != null) {
                shortNames.put(target, value);
            }
        });
        environment.getPropertySources().addLast(new MapPropertySource(SHORT_NAMES, shortNames));
        DefaultProperties.addLast(environment, DEFAULTS);
    }
}
