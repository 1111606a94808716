package dev.vigil.app.projections;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.platform.axon.ProjectionRebuilds;
import dev.vigil.platform.testing.ReadModelChecksums;
import dev.vigil.seeder.ReadModelTables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuild throughput at volume, printed (not asserted: the machine is shared):
 * {@code ./mvnw -pl modules/app -am verify -Dit.test=RebuildThroughputBenchmark -Dvigil.benchmark.events=300000
 * -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}. Every rebuilt table must still equal the live one.
 */
@SpringBootTest(properties = "vigil.billing.lifecycle.enabled=false") // no expiries appearing mid-comparison
@EnabledIfSystemProperty(named = "vigil.benchmark.events", matches = "\\d+")
class RebuildThroughputBenchmark {

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ProjectionRebuilds rebuilds;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void rebuildEveryReadModel() throws Exception {
        long target = Long.getLong("vigil.benchmark.events");
        SyntheticHistory history = new SyntheticHistory(42);
        long appended = 0;
        long started = System.nanoTime();
        while (appended < target) {
            List<DomainEventMessage<?>> batch = new ArrayList<>();
            while (batch.size() < 2_000) {
                batch.addAll(history.nextUser());
            }
            transactions.executeWithoutResult(tx -> eventStore.publish(batch));
            appended += batch.size();
        }
        System.out.printf("appended %d events in %.1fs%n", appended, (System.nanoTime() - started) / 1e9);

        Awaitility.await().atMost(java.time.Duration.ofMinutes(30)).pollInterval(java.time.Duration.ofSeconds(2))
                .until(() -> ReadModelTables.all().keySet().stream().allMatch(this::caughtUp));

        Map<String, String> report = new LinkedHashMap<>();
        for (Map.Entry<String, List<ReadModelTables.Table>> model : ReadModelTables.all().entrySet()) {
            Map<String, String> live = ReadModelTables.checksums(jdbc, model.getValue());
            ProjectionRebuilds.Report rebuilt = rebuilds.rebuild(model.getKey(), progress -> { });
            assertThat(ReadModelTables.checksums(jdbc, model.getValue())).as(model.getKey()).isEqualTo(live);
            report.put(model.getKey(), String.format("%d events in %.1fs = %.0f events/s", rebuilt.events(),
                    rebuilt.took().toMillis() / 1000.0, rebuilt.eventsPerSecond()));
        }
        report.forEach((processor, line) -> System.out.printf("rebuild %-32s %s%n", processor, line));
    }

    private boolean caughtUp(String processor) {
        return meters.get("vigil.projection.lag.events").tag("processor", processor).gauge().value() == 0;
    }
}
