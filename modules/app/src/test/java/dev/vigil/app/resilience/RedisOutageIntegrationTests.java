package dev.vigil.app.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.platform.sql.RequestStatements;
import dev.vigil.platform.testing.ExpectedLogs;
import dev.vigil.platform.testing.RedisRelay;
import dev.vigil.platform.testing.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The whole service reaches Redis through a relay, and the test stops "Redis" mid-test by taking the relay down:
 * every read endpoint keeps answering, from PostgreSQL, with the same body, and writes still land. When Redis
 * comes back, the caches are used again without a restart.
 */
@SpringBootTest(properties = "vigil.cache.backoff=1s")
@AutoConfigureMockMvc
@ContextConfiguration(initializers = RedisOutageIntegrationTests.RedisBehindRelay.class)
class RedisOutageIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /**
     * Only a hang reaches it: a relay that is down resets connections at once, so a read never waits for a Redis
     * timeout (a read that did would still be well under this; the machine's speed must not decide the test).
     */
    private static final Duration OUTAGE_READ_LIMIT = Duration.ofSeconds(10);

    /** The read cache's lines about the outage it rides out. */
    @RegisterExtension
    final ExpectedLogs cacheLogs = ExpectedLogs.from("dev.vigil.platform.cache");

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @AfterAll
    static void closeRelay() throws IOException {
        RedisBehindRelay.relay.close();
    }

    @Test
    void everyReadEndpointAnswersFromPostgresWhileRedisIsDownAndUsesTheCacheAgainWhenItReturns() throws Exception {
        // every Redis operation's failure is reported once per interval; the projections' invalidations race the reads
        cacheLogs.allow(Level.WARN, "the read cache serves from the database without Redis")
                .allow(Level.WARN, "Could not invalidate cache space");
        UUID user = registeredUserWithExposuresAndAlerts();
        List<String> reads = readEndpoints(user);

        Map<String, String> cachedBodies = new LinkedHashMap<>();
        for (String path : reads) {
            read(user, path);
            MvcResult hit = read(user, path);
            assertThat(statements(hit)).as("a cache hit before the outage: " + path).isZero();
            cachedBodies.put(path, hit.getResponse().getContentAsString());
        }

        RedisBehindRelay.relay.takeDown(); // Redis is gone: pooled connections cut, new ones reset
        for (String path : reads) {
            long started = System.nanoTime();
            MvcResult served = read(user, path);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as(path).isLessThan(OUTAGE_READ_LIMIT);
            assertThat(statements(served)).as("served by PostgreSQL: " + path).isEqualTo(1);
            assertThat(served.getResponse().getContentAsString()).as(path).isEqualTo(cachedBodies.get(path));
        }
        assertThat(meters.get("vigil.cache.bypassed").gauge().value()).isEqualTo(1);
        cacheLogs.assertLogged(Level.WARN, "the read cache serves from the database without Redis");

        // a write while Redis is down lands, and the next read shows it
        UUID alert = alertIds(user).getFirst();
        asUser(user, post("/api/v1/alerts/{id}/read", alert)).andReturn();
        Awaitility.await().atMost(PATIENCE).until(() -> "READ".equals(
                body(read(user, "/api/v1/alerts/" + alert)).get("status").asText()));

        RedisBehindRelay.relay.bringBack();
        Awaitility.await().atMost(PATIENCE).until(() -> {
            read(user, "/api/v1/me");
            return statements(read(user, "/api/v1/me")) == 0;
        });
        assertThat(meters.get("vigil.cache.bypassed").gauge().value()).isZero();
        cacheLogs.assertLogged(Level.INFO, "Redis answers again");
    }

    private UUID registeredUserWithExposuresAndAlerts() throws Exception {
        UUID user = UUID.fromString(body(send(post("/internal/v1/users"), TestTokens.service(), """
                {"email": "outage@example.org", "displayName": "Outage", "timeZone": "UTC"}"""))
                .get("id").asText());
        send(post("/api/v1/subscription"), TestTokens.user(user), """
                {"plan": "PLUS", "trial": false}""");
        send(post("/internal/v1/monitoring/users/{id}/findings", user), TestTokens.service(), """
                {"findings": [
                  {"sourceName": "Acme People Data", "sourceKind": "DATA_BROKER", "dataTypes": ["EMAIL"],
                   "severity": "HIGH", "foundAt": "2026-11-01T10:00:00Z"},
                  {"sourceName": "MegaCorp breach", "sourceKind": "BREACH", "dataTypes": ["EMAIL", "PHONE"],
                   "severity": "CRITICAL", "foundAt": "2026-11-02T10:00:00Z"}]}""");
        Awaitility.await().atMost(PATIENCE).until(() -> alertIds(user).size() == 2);
        return user;
    }

    private List<String> readEndpoints(UUID user) {
        UUID exposure = jdbc.sql("SELECT exposure_id FROM monitoring.exposure_feed WHERE user_id = ? LIMIT 1")
                .param(user).query(UUID.class).single();
        return List.of("/api/v1/me", "/api/v1/me/subscription", "/api/v1/dashboard", "/api/v1/alerts",
                "/api/v1/alerts/" + alertIds(user).getFirst(), "/api/v1/exposures", "/api/v1/exposures/" + exposure);
    }

    private List<UUID> alertIds(UUID user) {
        return jdbc.sql("SELECT alert_id FROM alerting.alert_feed WHERE user_id = ? ORDER BY alert_id")
                .param(user).query(UUID.class).list();
    }

    private MvcResult read(UUID user, String path) throws Exception {
        return asUser(user, get(path)).andExpect(status().isOk()).andReturn();
    }

    private ResultActions asUser(UUID user, MockHttpServletRequestBuilder request)
            throws Exception {
        return mvc.perform(request.header(HttpHeaders.AUTHORIZATION, TestTokens.user(user)))
                .andExpect(status().is2xxSuccessful());
    }

    private MvcResult send(MockHttpServletRequestBuilder request, String token, String body) throws Exception {
        return mvc.perform(request.header(HttpHeaders.AUTHORIZATION, token)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().is2xxSuccessful()).andReturn();
    }

    private JsonNode body(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString());
    }

    private static int statements(MvcResult result) {
        return (Integer) result.getRequest().getAttribute(RequestStatements.REQUEST_ATTRIBUTE);
    }

    /**
     * Puts a relay in front of whichever Redis the context resolved (after the development-server and test
     * isolation post-processors ran) and points the service at the relay.
     */
    static final class RedisBehindRelay implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        static volatile RedisRelay relay;

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            URI resolved = URI.create(context.getEnvironment().getRequiredProperty("vigil.redis.url"));
            try {
                relay = RedisRelay.start(RedisRelay.addressOf(resolved));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            URI relayed = UriComponentsBuilder.fromUri(resolved).host("127.0.0.1").port(relay.port()).build(true).toUri();
            context.getEnvironment().getPropertySources()
                    .addFirst(new MapPropertySource("redisRelay", Map.of("vigil.redis.url", relayed.toString())));
        }
    }
}
