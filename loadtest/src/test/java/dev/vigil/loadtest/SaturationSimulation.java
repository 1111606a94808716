package dev.vigil.loadtest;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Issue 7's saturation run, closed model without think time, for the trivial {@code GET /loadtest/ping} (the
 * service's {@code loadtest} profile) and the cached {@code GET /api/v1/dashboard} in the same run. After an
 * untimed warm-up of both ({@code -DwarmupSeconds}, 20), the concurrency climbs the staircase {@code -Dlevels}
 * (default 1,2,4,...,256), each level {@code -DlevelSeconds} (10) long; at every level ping runs first, then
 * the dashboard, so both meet the same JIT state and the same background load from the shared machine.
 * Requests are named by endpoint and level ({@code dashboard c0016}), so the report gives requests/s and p95
 * per level; bin/loadtest picks the peak of each and checks the dashboard reaches half the ping's. Both send
 * the same user tokens, so both pay the token check. Fails on any failed request.
 */
public class SaturationSimulation extends Simulation {

    private final List<Integer> levels = LoadSettings.wholeList("levels", "1,2,4,8,16,32,64,128,256");
    private final Duration levelLength = LoadSettings.seconds("levelSeconds", 10);
    private final Duration warmup = LoadSettings.seconds("warmupSeconds", 20);
    private final List<Map<String, Object>> records = LoadUsers.records(
            LoadUsers.atLeast(levels.getLast()), levelLength.multipliedBy(2L * levels.size()).plus(warmup));

    {
        List<PopulationBuilder> steps = new ArrayList<>();
        steps.add(step("warmup", 8, warmup));
        for (int level : levels) {
            steps.add(step("ping", level, levelLength));
            steps.add(step("dashboard", level, levelLength));
        }
        PopulationBuilder staircase = steps.getLast();
        for (int i = steps.size() - 2; i >= 0; i--) {
            staircase = steps.get(i).andThen(staircase);
        }
        setUp(staircase)
                .protocols(VigilRequests.protocol())
                .assertions(global().failedRequests().count().is(0L));
    }

    @Override
    public void after() {
        RunWindow.mark("end", System.currentTimeMillis());
    }

    private PopulationBuilder step(String endpoint, int users, Duration length) {
        TimedLevel level = new TimedLevel(length);
        String name = "%s c%04d".formatted(endpoint, users);
        ChainBuilder requests = switch (endpoint) {
            case "ping" -> exec(VigilRequests.ping(name));
            case "dashboard" -> exec(dashboard(name));
            default -> exec(VigilRequests.ping(name + " ping"), dashboard(name + " dashboard"));
        };
        return scenario(name)
                .feed(listFeeder(records).circular())
                .exec(session -> {
                    level.startOnce();
                    if (endpoint.equals("ping") && users == levels.getFirst()) {
                        RunWindow.mark("start", System.currentTimeMillis()); // CPU is averaged from the first level on
                    }
                    return session;
                })
                .asLongAs(session -> level.running()).on(requests)
                .injectClosed(constantConcurrentUsers(users).during(length));
    }

    private static HttpRequestActionBuilder dashboard(String name) {
        return http(name).get("/api/v1/dashboard").header("Authorization", "Bearer #{token}").check(status().is(200));
    }
}
