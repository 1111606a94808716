package dev.vigil.loadtest;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Issue 7's saturation run, closed model without think time: the trivial {@code GET /loadtest/ping} (the
 * service's {@code loadtest} profile) climbs a concurrency staircase ({@code -Dlevels}, default
 * 1,2,4,...,256, each {@code -DlevelSeconds} long, default 10), then the cached {@code GET /api/v1/dashboard}
 * climbs the same staircase in the same run. Requests are named by endpoint and level ({@code dashboard
 * c0016}), so the report gives requests/s and p95 per level; bin/loadtest picks the peak of each and checks
 * that the dashboard reaches half the ping's. Both send the same user tokens, so both pay the token check.
 * Fails on any failed request.
 */
public class SaturationSimulation extends Simulation {

    private final List<Integer> levels = LoadSettings.wholeList("levels", "1,2,4,8,16,32,64,128,256");
    private final Duration levelLength = LoadSettings.seconds("levelSeconds", 10);
    private final ConcurrencySteps pingSteps = new ConcurrencySteps(levels, levelLength);
    private final ConcurrencySteps dashboardSteps = new ConcurrencySteps(levels, levelLength);
    private final List<Map<String, Object>> records = LoadUsers.records(
            LoadUsers.atLeast(pingSteps.maxUsers()), levelLength.multipliedBy(2L * levels.size()));

    private final ScenarioBuilder ping = climb("ping staircase", pingSteps,
            http("ping #{level}").get("/loadtest/ping").header("Authorization", "Bearer #{token}")
                    .check(status().is(200)));

    private final ScenarioBuilder dashboard = climb("dashboard staircase", dashboardSteps,
            http("dashboard #{level}").get("/api/v1/dashboard").header("Authorization", "Bearer #{token}")
                    .check(status().is(200)));

    {
        setUp(ping.injectClosed(pingSteps.injection())
                        .andThen(dashboard.injectClosed(dashboardSteps.injection())))
                .protocols(VigilRequests.protocol())
                .assertions(global().failedRequests().count().is(0L));
    }

    @Override
    public void before() {
        RunWindow.mark("start", System.currentTimeMillis());
    }

    @Override
    public void after() {
        RunWindow.mark("end", System.currentTimeMillis());
    }

    private ScenarioBuilder climb(String name, ConcurrencySteps steps, HttpRequestActionBuilder request) {
        return scenario(name)
                .feed(listFeeder(records).circular())
                .exec(session -> {
                    steps.start();
                    return session;
                })
                .asLongAs(session -> steps.running()).on(
                        exec(session -> session.set("level", steps.currentLevel())).exec(request));
    }
}
