package dev.vigil.platform.sql;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Prints what the JDBC interception layer costs per statement, from the benchmarks of
 * {@link StatementTelemetryBenchmark} measured in one JMH run (the machine is shared, so only numbers from
 * the same run compare):
 * {@code ./mvnw -pl platform -am verify -Dtest=StatementTelemetryOverheadBenchmark -Dvigil.benchmark.jdbc=true
 * -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=none -Dfailsafe.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "vigil.benchmark.jdbc", matches = "true")
class StatementTelemetryOverheadBenchmark {

    @Test
    void printsTheOverheadPerStatement() throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(StatementTelemetryBenchmark.class.getName())
                .build()).run();
        Map<String, Double> micros = results.stream().collect(Collectors.toMap(
                result -> result.getParams().getBenchmark().replaceFirst(".*\\.", ""),
                result -> result.getPrimaryResult().getScore()));
        double pool = micros.get("pool");
        double intercepted = micros.get("intercepted");
        System.out.printf("%nJDBC interception layer, per statement: pool %.2f us, datasource-proxy alone %.2f us, "
                        + "Vigil's layer %.2f us: +%.2f us, ratio %.3f; Vigil's listeners alone (no database) %.3f us%n",
                pool, micros.get("proxyOnly"), intercepted, intercepted - pool, intercepted / pool,
                micros.get("listenersOnly"));
    }
}
