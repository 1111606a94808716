package dev.vigil.app.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * The operator's dashboard shipped with docker-compose.yml (docs/ops/grafana): its panels, every PromQL query they
 * and the template variables run, and the uid of the data source Grafana is provisioned with.
 */
record GrafanaDashboard(JsonNode json, String provisionedDatasourceUid) {

    static final Path GRAFANA = Path.of("../../docs/ops/grafana");
    private static final Path DASHBOARD = GRAFANA.resolve("dashboards/vigil-operations.json");
    private static final Path DATASOURCES = GRAFANA.resolve("provisioning/datasources/prometheus.yml");
    // a query variable's definition: label_values(<selector>, <label>)
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.+),\\s*\\w+\\s*\\)");

    /** One query and where it is: a panel's title and refId, or a variable's name. */
    record Query(String where, String expr) {
    }

    static GrafanaDashboard load() throws IOException {
        JsonNode json = new ObjectMapper().readTree(DASHBOARD.toFile());
        try (InputStream yaml = Files.newInputStream(DATASOURCES)) {
            Map<String, List<Map<String, Object>>> provisioning = new Yaml().load(yaml);
            List<Map<String, Object>> datasources = provisioning.get("datasources");
            if (datasources.size() != 1) {
                throw new IllegalStateException(DATASOURCES + " should provision exactly one data source");
            }
            return new GrafanaDashboard(json, (String) datasources.getFirst().get("uid"));
        }
    }

    /** Every panel, rows included, and the panels a collapsed row holds. */
    List<JsonNode> panels() {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : json.path("panels")) {
            panels.add(panel);
            panel.path("panels").forEach(panels::add);
        }
        return panels;
    }

    static boolean isRow(JsonNode panel) {
        return "row".equals(panel.path("type").asText());
    }

    /** Every panel target's expression, then every query variable's selector. */
    List<Query> queries() {
        List<Query> queries = new ArrayList<>();
        for (JsonNode panel : panels()) {
            for (JsonNode target : panel.path("targets")) {
                queries.add(new Query("panel \"" + panel.path("title").asText() + "\" " + target.path("refId").asText(),
                        target.path("expr").asText()));
            }
        }
        for (JsonNode variable : json.path("templating").path("list")) {
            if ("query".equals(variable.path("type").asText())) {
                Matcher labelValues = LABEL_VALUES.matcher(variable.path("definition").asText());
                queries.add(new Query("variable $" + variable.path("name").asText(),
                        labelValues.matches() ? labelValues.group(1) : variable.path("definition").asText()));
            }
        }
        return queries;
    }
}
