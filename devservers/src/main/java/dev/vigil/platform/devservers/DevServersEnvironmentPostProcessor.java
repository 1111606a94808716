package dev.vigil.platform.devservers;

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
import org.springframework.util.StringUtils;

/**
 * Decides, before any bean exists, which PostgreSQL and Redis a development run or a test uses when the user
 * configured none:
 * <ol>
 *   <li>what the user configured ({@code spring.datasource.url}, also given as {@code VIGIL_DB_URL};
 *       {@code vigil.redis.url} / {@code VIGIL_REDIS_URL}, also given as {@code spring.data.redis.url}): left alone;</li>
 *   <li>otherwise the local default address, if something answers there;</li>
 *   <li>otherwise an embedded server started for this JVM, stopped after its application contexts have closed.</li>
 * </ol>
 * The outcome is written as the platform's own properties. Runs after the platform maps {@code VIGIL_DB_*}
 * onto {@code spring.datasource.*}. Off with {@code vigil.dev-servers.enabled=false} (the production profile).
 */
public class DevServersEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    public static final String ENABLED = "vigil.dev-servers.enabled";
    /** Where each server came from (configured, local, embedded); the platform's start-up report reads them. */
    public static final String DATABASE_ORIGIN = "vigil.dev-servers.database";
    public static final String REDIS_ORIGIN = "vigil.dev-servers.redis";
    static final String PROPERTY_SOURCE = "vigilServers";

    // The platform's property names (this module does not depend on the platform, whose tests use it).
    static final String DATABASE_URL = "spring.datasource.url";
    static final String DATABASE_USERNAME = "spring.datasource.username";
    static final String DATABASE_PASSWORD = "spring.datasource.password";
    static final String CREATE_DATABASE = "vigil.datasource.create-if-missing";
    static final String REDIS_URL = "vigil.redis.url";

    private static final int DEFAULT_DATABASE_PORT = 5432;
    private static final int DEFAULT_REDIS_PORT = 6379;
    private static final Duration PROBE_TIMEOUT = Duration.ofMillis(300);

    private final Log log;
    private final int defaultDatabasePort;
    private final int defaultRedisPort;
    private final EmbeddedServer embeddedPostgres;
    private final EmbeddedServer embeddedRedis;

    public DevServersEnvironmentPostProcessor(DeferredLogFactory logFactory) {
        this(logFactory.getLog(DevServersEnvironmentPostProcessor.class), DEFAULT_DATABASE_PORT, DEFAULT_REDIS_PORT,
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
        if (environment.getPropertySources().contains(PROPERTY_SOURCE)
                || !environment.getProperty(ENABLED, Boolean.class, true)) {
            return;
        }
        Map<String, Object> resolved = new LinkedHashMap<>();
        resolveDatabase(environment, resolved);
        resolveRedis(environment, resolved);
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, resolved));
    }

    private void resolveDatabase(ConfigurableEnvironment environment, Map<String, Object> resolved) {
        if (StringUtils.hasText(environment.getProperty(DATABASE_URL))) {
            resolved.put(DATABASE_ORIGIN, "configured");
        } else if (PortProbe.answers("localhost", defaultDatabasePort, PROBE_TIMEOUT)) {
            resolved.put(DATABASE_URL, databaseUrl(defaultDatabasePort));
            putUnlessSet(environment, DATABASE_USERNAME, "postgres", resolved);
            putUnlessSet(environment, DATABASE_PASSWORD, "postgres", resolved);
            resolved.put(CREATE_DATABASE, true);
            resolved.put(DATABASE_ORIGIN, "local");
        } else {
            int port = startEmbedded("PostgreSQL", "localhost:" + defaultDatabasePort, "VIGIL_DB_URL",
                    "jdbc:postgresql://host:5432/vigil", embeddedPostgres);
            resolved.put(DATABASE_URL, databaseUrl(port));
            resolved.put(DATABASE_USERNAME, "postgres");
            resolved.put(DATABASE_PASSWORD, "");
            resolved.put(CREATE_DATABASE, true);
            resolved.put(DATABASE_ORIGIN, "embedded");
        }
    }

    private void resolveRedis(ConfigurableEnvironment environment, Map<String, Object> resolved) {
        if (environment.containsProperty(REDIS_URL)) {
            resolved.put(REDIS_ORIGIN, "configured");
        } else if (PortProbe.answers("localhost", defaultRedisPort, PROBE_TIMEOUT)) {
            resolved.put(REDIS_URL, "redis://localhost:" + defaultRedisPort + "/0");
            resolved.put(REDIS_ORIGIN, "local");
        } else {
            int port = startEmbedded("Redis", "localhost:" + defaultRedisPort, "VIGIL_REDIS_URL",
                    "redis://host:6379/0", embeddedRedis);
            resolved.put(REDIS_URL, "redis://127.0.0.1:" + port + "/0");
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
                    + (System.nanoTime() - started) / 1_000_000 + " data_dir=" + embedded.workDirectory()
                    + " removed_on_exit=true");
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

    private static String databaseUrl(int port) {
        return "jdbc:postgresql://localhost:" + port + "/vigil";
    }

    private static void putUnlessSet(ConfigurableEnvironment environment, String name, String value,
            Map<String, Object> resolved) {
        if (!StringUtils.hasText(environment.getProperty(name))) {
            resolved.put(name, value);
        }
    }
}
