package dev.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

/**
 * The whole deployable on real PostgreSQL and Redis: it boots, reports its dependencies healthy and
 * exposes Prometheus metrics.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "vigil.test.production-pool=true")
class VigilApplicationIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    @Test
    void healthReportsDatabaseAndRedisUp() throws Exception {
        JsonNode health = json.readTree(client().get().uri("/actuator/health").retrieve().body(String.class));
        assertThat(health.at("/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/db/details/since").asText()).isNotEmpty();
        await().until(() -> json.readTree(client().get().uri("/actuator/health").retrieve().body(String.class))
                .at("/components/redis/status").asText().equals("UP"));
    }

    @Test
    void readinessIsTheDatabaseAndTheApplicationStateNotTheCacheAndLivenessIsTheApplicationStateAlone() throws Exception {
        JsonNode readiness = json.readTree(client().get().uri("/actuator/health/readiness").retrieve().body(String.class));
        assertThat(readiness.at("/status").asText()).isEqualTo("UP");
        assertThat(readiness.at("/components").properties()).extracting(java.util.Map.Entry::getKey)
                .containsExactlyInAnyOrder("db", "readinessState");
        JsonNode liveness = json.readTree(client().get().uri("/actuator/health/liveness").retrieve().body(String.class));
        assertThat(liveness.at("/components").properties()).extracting(java.util.Map.Entry::getKey)
                .containsExactly("livenessState");
    }

    @Test
    void prometheusEndpointExposesPoolMetrics() {
        String scrape = client().get().uri("/actuator/prometheus").retrieve().body(String.class);
        assertThat(scrape)
                .contains("hikaricp_connections_max{application=\"vigil\",pool=\"vigil-db\"} 20.0")
                .contains("hikaricp_connections_acquire_seconds_count")
                .contains("hikaricp_connections_timeout_total")
                .contains("jvm_threads_live_threads");
    }

    private RestClient client() {
        return RestClient.create("http://localhost:" + port);
    }
}
