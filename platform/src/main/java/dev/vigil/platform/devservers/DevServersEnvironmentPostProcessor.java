package dev.vigil.platform.devservers;

import dev.vigil.platform.jdbc.DatabaseProperties;
import dev.vigil.platform.redis.RedisClientProperties;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Decides, before any bean exists, which PostgreSQL and Redis this process uses:
 * <ol>
 *   <li>what the user configured ({@code vigil.db.url} / {@code VIGIL_DB_URL}, or Spring's
 *       {@code spring.datasource.url}; {@code vigil.redis.url} / {@code VIGIL_REDIS_URL}, or
 *       {@code spring.data.redis.url});</li>
 *   <li>otherwise the local default address, if something answers there;</li>
 *   <li>otherwise an embedded server started for this JVM.</li>
 * </ol>
 * The outcome is written back as {@code vigil.*} properties, so the rest of the platform only ever reads those.
 */
public class DevServersEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    public static final String ENABLED = "vigil.dev-servers.enabled";
    public static final String DATABASE_ORIGIN = "vigil.dev-servers.database";
    public static final String REDIS_ORIGIN = "vigil.dev-servers.redis";
    static final String PROPERTY_SOURCE = "vigilServers";

    private static final Duration PROBE_TIMEOUT = Duration.ofMillis(300);

    private final Log log;
    private final int defaultDatabasePort;
    private final int defaultRedisPort;
    private final EmbeddedServer embeddedPostgres;
    private final EmbeddedServer embeddedRedis;

    public DevServersEnvironmentPostProcessor(DeferredLogFactory logFactory) {
        this(logFactory.getLog(DevServersEnvironmentPostProcessor.class),
                JdbcDefaults.PORT, URI.create(RedisClientProperties.DEFAULT_URL).getPort(),
                EmbeddedServers.POSTGRES, EmbeddedServers.REDIS);
    }

    DevServersEnvironmentPostProcessor(Log log, int defaultDatabasePort, int defaultRedisPort,
            EmbeddedServer embeddedPostgres, EmbeddedServer embeddedRedis) {
        this.log = log;
        this.defaultDatabasePort = defaultDatabasePort;
        this.defaultRedisPort = defaultRedisPort;
        this.embeddedPostgres = embeddedPostgres;
        this.embeddedRedis = embeddedRedis;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 100;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(PROPERTY_SOURCE)) {
            return;
        }
        boolean enabled = environment.getProperty(ENABLED, Boolean.class, true);
        Map<String, Object> resolved = new LinkedHashMap<>();
        resolveDatabase(environment, enabled, resolved);
        resolveRedis(environment, enabled, resolved);
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, resolved));
    }

    private void resolveDatabase(ConfigurableEnvironment environment, boolean enabled, Map<String, Object> resolved) {
        if (environment.containsProperty("vigil.db.url")) {
            resolved.put(DATABASE_ORIGIN, "configured");
        } else if (environment.containsProperty("spring.datasource.url")) {
            resolved.put("vigil.db.url", environment.getProperty("spring.datasource.url"));
            copyIfPresent(environment, "spring.datasource.username", "vigil.db.username", resolved);
            copyIfPresent(environment, "spring.datasource.password", "vigil.db.password", resolved);
            resolved.put(DATABASE_ORIGIN, "configured");
        } else if (!enabled || PortProbe.answers("localhost", defaultDatabasePort, PROBE_TIMEOUT)) {
            resolved.put("vigil.db.url", JdbcDefaults.url(defaultDatabasePort));
            resolved.put("vigil.db.create-if-missing", enabled);
            resolved.put(DATABASE_ORIGIN, "local");
        } else {
            int port = startEmbedded("PostgreSQL", "localhost:" + defaultDatabasePort, "VIGIL_DB_URL",
                    "jdbc:postgresql://host:5432/vigil", embeddedPostgres);
            resolved.put("vigil.db.url", JdbcDefaults.url(port));
            resolved.put("vigil.db.username", "postgres");
            resolved.put("vigil.db.password", "");
            resolved.put("vigil.db.create-if-missing", true);
            resolved.put(DATABASE_ORIGIN, "embedded");
        }
    }

    private void resolveRedis(ConfigurableEnvironment environment, boolean enabled, Map<String, Object> resolved) {
        if (environment.containsProperty("vigil.redis.url")) {
            resolved.put(REDIS_ORIGIN, "configured");
        } else if (environment.containsProperty("spring.data.redis.url")) {
            resolved.put("vigil.redis.url", environment.getProperty("spring.data.redis.url"));
            resolved.put(REDIS_ORIGIN, "configured");
        } else if (!enabled || PortProbe.answers("localhost", defaultRedisPort, PROBE_TIMEOUT)) {
            resolved.put("vigil.redis.url", "redis://localhost:" + defaultRedisPort + "/0");
            resolved.put(REDIS_ORIGIN, "local");
        } else {
            int port = startEmbedded("Redis", "localhost:" + defaultRedisPort, "VIGIL_REDIS_URL",
                    "redis://host:6379/0", embeddedRedis);
            resolved.put("vigil.redis.url", "redis://127.0.0.1:" + port + "/0");
            resolved.put(REDIS_ORIGIN, "embedded");
        }
    }

    private int startEmbedded(String server, String defaultAddress, String variable, String example,
            EmbeddedServer embedded) {
        log.info("event=dev_server_starting server=" + server + " reason=\"nothing answers at " + defaultAddress
                + " and " + variable + " is not set\"");
        long started = System.nanoTime();
        try {
            int port = embedded.start();
            log.info("event=dev_server_started server=" + server + " kind=embedded port=" + port + " took_ms="
                    + (System.nanoTime() - started) / 1_000_000 + " data=temporary,removed_on_exit");
            return port;
        } catch (RuntimeException e) {
            throw new DevServerUnavailableException(
                    "No " + server + " answers at " + defaultAddress + ", and the embedded " + server
                            + " could not start: " + e.getMessage(),
                    "Start the compose services (docker compose up -d postgres redis), or point " + variable
                            + " at a running server (for example " + variable + "=" + example + ").",
                    e);
        }
    }

    private static void copyIfPresent(ConfigurableEnvironment environment, String from, String to,
            Map<String, Object> resolved) {
        String value = environment.getProperty(from);
        if (value != null) {
            resolved.put(to, value);
        }
    }

    /** The development default database, on whichever local port. */
    private static final class JdbcDefaults {
        static final int PORT = 5432;

        static String url(int port) {
            return DatabaseProperties.DEFAULT_URL.replace(":" + PORT + "/", ":" + port + "/");
        }
    }
}
