package dev.vigil.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The shipped alerting rules (docs/ops/alerts.yml) are valid and behave as their unit tests
 * (docs/ops/alerts.test.yml) say, checked by Prometheus's own promtool. On a machine without promtool
 * (Debian: {@code apt-get install prometheus}) the test is skipped, unless {@code VIGIL_REQUIRE_PROMTOOL=1},
 * which CI sets after installing it.
 */
class PrometheusRulesTests {

    private static final Path OPS = Path.of("../../docs/ops");

    @Test
    void theAlertingRulesAreValid() throws Exception {
        assertThat(promtool("check", "rules", "alerts.yml")).contains("SUCCESS: 9 rules found");
    }

    @Test
    void theAlertingRulesPassTheirUnitTests() throws Exception {
        assertThat(promtool("test", "rules", "alerts.test.yml")).contains("SUCCESS");
    }

    @Test
    void thePrometheusConfigurationShippedWithComposeLoadsTheRules() throws Exception {
        assertThat(promtool("check", "config", "prometheus/prometheus.yml")).contains("SUCCESS: 9 rules found");
    }

    private static String promtool(String... arguments) throws IOException, InterruptedException {
        return Promtool.run(OPS, arguments);
    }
}
