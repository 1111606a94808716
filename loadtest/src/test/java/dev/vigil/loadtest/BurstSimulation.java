package dev.vigil.loadtest;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.forAll;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Issue 7's bursts, open model: {@code -Dusers} (default 1000) distinct users load their dashboard at the same
 * instant, then, once those are answered, the same number load their first page of alerts at once. Every
 * virtual user opens its own connection, as that many browsers would. Fails on any failed request and on a
 * global or per-request p95 above {@code -Dp95Ms} (200).
 */
public class BurstSimulation extends Simulation {

    private final int users = LoadSettings.whole("users", 1000);
    private final int p95Ms = LoadSettings.whole("p95Ms", 200);
    private final List<Map<String, Object>> records = LoadUsers.records(LoadUsers.atLeast(users), Duration.ofMinutes(5));

    private final ScenarioBuilder dashboards = scenario("dashboard burst")
            .feed(listFeeder(records).queue())
            .exec(VigilRequests.dashboard());

    private final ScenarioBuilder alertPages = scenario("alerts first page burst")
            .feed(listFeeder(records).queue())
            .exec(VigilRequests.alertsFirstPage());

    {
        setUp(dashboards.injectOpen(atOnceUsers(users))
                        .andThen(alertPages.injectOpen(atOnceUsers(users))))
                .protocols(VigilRequests.protocol())
                .assertions(assertions());
    }

    @Override
    public void before() {
        RunWindow.mark("start", System.currentTimeMillis());
    }

    @Override
    public void after() {
        RunWindow.mark("end", System.currentTimeMillis());
    }

    private List<Assertion> assertions() {
        List<Assertion> assertions = new ArrayList<>(List.of(global().failedRequests().count().is(0L)));
        if (LoadSettings.assertLatency()) {
            assertions.add(global().responseTime().percentile(95.0).lt(p95Ms));
            assertions.add(forAll().responseTime().percentile(95.0).lt(p95Ms));
        }
        return assertions;
    }
}
