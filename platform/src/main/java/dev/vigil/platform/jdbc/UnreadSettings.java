package dev.vigil.platform.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Locale;
import java.util.Set;
import org.postgresql.PGProperty;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Database settings that would otherwise be ignored without a word, each stopping start-up with its name:
 * <ul>
 *   <li>a {@code spring.datasource.hikari.*} key HikariCP does not have (Spring Boot binds the pool leniently);</li>
 *   <li>a driver property under {@code data-source-properties} that pgjdbc does not know (its names are
 *       case-sensitive, and environment variables arrive lower-cased), or that a {@code vigil.datasource.*}
 *       setting owns;</li>
 *   <li>a {@code vigil.db.*} setting of the pool Vigil used to build itself (only {@code vigil.db.url},
 *       {@code .username} and {@code .password} are still read, as short names).</li>
 * </ul>
 */
final class UnreadSettings {

    private static final String HIKARI = "spring.datasource.hikari";
    private static final ConfigurationPropertyName RETIRED = ConfigurationPropertyName.of("vigil.db");
    private static final Set<String> SHORT_NAMES = Set.of("url", "username", "password");

    private UnreadSettings() {
    }

    static void check(ConfigurableEnvironment environment, HikariConfig pool) {
        rejectRetired(environment);
        // the same binding Spring Boot made onto the pool, on an unstarted copy, now refusing keys it cannot use
        Binder.get(environment).bind(HIKARI, Bindable.ofInstance(new HikariDataSource()),
                new NoUnboundElementsBindHandler(BindHandler.DEFAULT));
        pool.getDataSourceProperties().forEach((key, value) -> checkDriverProperty(key.toString(), value));
    }

    private static void checkDriverProperty(String key, Object value) {
        String name = HIKARI + ".data-source-properties." + key;
        String owner = VigilDataSourceProperties.DRIVER_PROPERTY_SETTINGS.get(key);
        if (owner != null) {
            throw new InvalidConfigurationPropertyValueException(name, value,
                    "Vigil sets this driver property from " + owner + "; set that instead (docs/pooling.md)");
        }
        if (PGProperty.forName(key) == null) {
            throw new InvalidConfigurationPropertyValueException(name, value,
                    "'" + key + "' is not a PostgreSQL JDBC driver property. Its names are case-sensitive"
                            + " (reWriteBatchedInserts), so they cannot come from environment variables, which"
                            + " arrive lower-cased: set them in application.yml or as -D system properties");
        }
    }

    private static void rejectRetired(ConfigurableEnvironment environment) {
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (source instanceof IterableConfigurationPropertySource iterable) {
                iterable.filter(RETIRED::isAncestorOf).stream()
                        .filter(name -> !(name.getNumberOfElements() == 3 && SHORT_NAMES.contains(name.getLastElement(
                                ConfigurationPropertyName.Form.UNIFORM))))
                        .findFirst()
                        .ifPresent(name -> {
                            throw new InvalidConfigurationPropertyValueException(name.toString(),
                                    source.getConfigurationProperty(name).getValue(),
                                    "vigil.db.* is no longer read: set " + replacement(name) + " (docs/pooling.md)");
                        });
            }
        }
    }

    /**
     * Where a retired setting lives now (the pool's under Spring's name, the connections' under Vigil's), also as
     * an environment variable, since a name that came from one has lost its dashes.
     */
    static String replacement(ConfigurationPropertyName retired) {
        String rest = retired.subName(RETIRED.getNumberOfElements()).toString();
        String now = rest.equals("pool.name") ? HIKARI + ".pool-name"
                : rest.startsWith("pool.") ? HIKARI + "." + rest.substring("pool.".length())
                : "vigil.datasource." + rest;
        return now + " (as an environment variable: " + now.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_')
                + ")";
    }
}
