package dev.vigil.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.app.ops.GrafanaDashboard.Query;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's dashboard (docs/ops/grafana) is well formed: panel ids unique, every panel and query on the one
 * provisioned data source, a query on every panel naming at least one metric, and every query valid PromQL by
 * promtool. That the metrics exist in a real scrape: {@code GrafanaDashboardIntegrationTests}.
 */
class GrafanaDashboardTests {

    // Grafana's interval variables become a duration, every other variable a regex matching anything
    private static final Pattern INTERVAL_VARIABLES = Pattern.compile("\\$\\{?__(?:rate_interval|interval|range)}?");
    private static final Pattern OTHER_VARIABLES = Pattern.compile("\\$\\{?\\w+}?");

    private GrafanaDashboard dashboard;

    @BeforeEach
    void load() throws IOException {
        dashboard = GrafanaDashboard.load();
    }

    @Test
    void panelIdsAreUnique() {
        List<Integer> ids = dashboard.panels().stream().map(panel -> panel.path("id").asInt(-1)).toList();
        assertThat(ids).doesNotContain(-1).doesNotHaveDuplicates();
    }

    @Test
    void everyPanelTargetAndVariableQueriesTheProvisionedDatasource() {
        assertThat(dashboard.provisionedDatasourceUid()).isEqualTo("vigil-prometheus");
        List<JsonNode> users = new ArrayList<>();
        dashboard.panels().stream().filter(panel -> !GrafanaDashboard.isRow(panel)).forEach(panel -> {
            users.add(panel);
            panel.path("targets").forEach(users::add);
        });
        dashboard.json().path("templating").path("list").forEach(users::add);
        assertThat(users).isNotEmpty().allSatisfy(user -> assertThat(user.path("datasource").path("uid").asText())
                .as("datasource of %s", user.path("title").asText(user.path("refId").asText(user.path("name").asText())))
                .isEqualTo(dashboard.provisionedDatasourceUid()));
    }

    @Test
    void everyPanelHasAQueryAndEveryQueryNamesAMetric() {
        dashboard.panels().stream().filter(panel -> !GrafanaDashboard.isRow(panel)).forEach(panel ->
                assertThat(panel.path("targets")).as("targets of \"%s\"", panel.path("title").asText()).isNotEmpty());
        assertThat(dashboard.queries()).allSatisfy(query ->
                assertThat(PromQlMetricNames.in(query.expr())).as(query.where() + ": " + query.expr()).isNotEmpty());
    }

    @Test
    void everyQueryIsValidPromQl(@TempDir Path directory) throws Exception {
        // promtool parses a rules file offline: every query becomes a recording rule
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
        List<Query> queries = dashboard.queries();
        for (int i = 0; i < queries.size(); i++) {
            String expr = INTERVAL_VARIABLES.matcher(queries.get(i).expr()).replaceAll("5m");
            expr = OTHER_VARIABLES.matcher(expr).replaceAll(".*");
            rules.append("      - record: dashboard_query_").append(i).append('\n')
                    .append("        expr: '").append(expr.replace("'", "''")).append("'\n");
        }
        Files.writeString(directory.resolve("dashboard.rules.yml"), rules);

        assertThat(Promtool.run(directory, "check", "rules", "dashboard.rules.yml"))
                .contains("SUCCESS: " + queries.size() + " rules found");
    }
}
