package dev.vigil.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlMetricNamesTests {

    @Test
    void takesTheMetricsAndLeavesFunctionsAggregationsAndGroupingLabels() {
        assertThat(PromQlMetricNames.in("histogram_quantile(0.99, sum by (name, le) (rate(db_query_seconds_bucket"
                + "{instance=~\"$instance\"}[$__rate_interval])))")).containsExactly("db_query_seconds_bucket");
    }

    @Test
    void leavesLabelMatchersWhoseValuesLookLikeNames() {
        assertThat(PromQlMetricNames.in("sum(rate(vigil_cache_requests_total{result=\"hit\", space=~\"identity.profile\"}[5m]))"
                + " / sum(rate(vigil_cache_requests_total[5m]))")).containsExactly("vigil_cache_requests_total");
    }

    @Test
    void leavesKeywordsNumbersAndOffsets() {
        assertThat(PromQlMetricNames.in("sum without (pool) (hikaricp_connections_pending) > bool 1e3 and on (instance)"
                + " group_left (pool) hikaricp_connections_max unless hikaricp_connections_max offset 5m"))
                .containsExactly("hikaricp_connections_pending", "hikaricp_connections_max");
    }

    @Test
    void findsAMetricNamedWithoutAnySelector() {
        assertThat(PromQlMetricNames.in("process_cpu_usage")).containsExactly("process_cpu_usage");
    }

    @Test
    void leavesStringArgumentsAndGrafanaVariablesOutsideSelectors() {
        assertThat(PromQlMetricNames.in("label_replace(up_metric, \"dst\", \"$1\", \"src\", \"(.*)\") * ${factor}"))
                .containsExactly("up_metric");
    }
}
