package dev.vigil.loadtest;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.forAll;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Issue 7's bursts, open model: {@code -Dusers} (default 1000) distinct users load their dashboard at the same
 * instant, then, once those are answered, the same number load their first page of alerts at once. Every
 * virtual user opens its own connection, as that many browsers would. Fails on any failed request and on a
 * global or per-request p95 above {@code -Dp95Ms} (200).
 *
 * <p>Before the bursts, {@code -DwarmupUsers} (6000) other users load their dashboard and first page of alerts
 * over {@code -DwarmupSeconds} (30), each on a new connection, with silent requests (left out of the report and
 * the assertions); then {@code -DsettleSeconds} (5) of quiet. Without it a freshly forked Gatling JVM runs the
 * burst's connection and check code interpreted, and the service compiles its cold-request path (new
 * connection, first sight of a token, cache miss) during the burst: both JITs' work would be measured as
 * latency (docs/performance.md). The warm-up users are not the burst's, so the burst still meets cold caches.
 *
 * <p>{@code -DpingOnly=true} sends the same two bursts to the load-test profile's fixed answer instead: the floor
 * that new connections, the token check and the generator itself set on this machine.
 *
 * <p>{@code -DsharedConnections=true} sends every request over one shared pool of keep-alive connections, as a
 * load balancer or the web app's server would, instead of a new connection per user; the warm-up then arrives
 * in waves as large as the burst, so the pool already holds that many connections when the burst comes.
 */
public class BurstSimulation extends Simulation {

    private final int users = LoadSettings.whole("users", 1000);
    private final int p95Ms = LoadSettings.whole("p95Ms", 200);
    private final int warmupUsers = LoadSettings.whole("warmupUsers", 6000);
    private final Duration warmup = LoadSettings.seconds("warmupSeconds", 30);
    private final Duration settle = LoadSettings.seconds("settleSeconds", 5);
    private final List<Map<String, Object>> records =
            LoadUsers.records(LoadUsers.atLeast(users + warmupUsers), Duration.ofMinutes(5));
    private final boolean pingOnly = Boolean.parseBoolean(LoadSettings.text("pingOnly", "false"));
    private final boolean sharedConnections = Boolean.parseBoolean(LoadSettings.text("sharedConnections", "false"));
    private final AtomicBoolean burstStarted = new AtomicBoolean();

    private final ScenarioBuilder dashboards = scenario("dashboard burst")
            .feed(listFeeder(records).queue())
            .exec(session -> {
                if (burstStarted.compareAndSet(false, true)) {
                    RunWindow.mark("start", System.currentTimeMillis()); // CPU is averaged over the bursts only
                }
                return session;
            })
            .exec(pingOnly ? VigilRequests.ping("ping, first burst") : VigilRequests.dashboard());

    private final ScenarioBuilder alertPages = scenario("alerts first page burst")
            .feed(listFeeder(records).queue())
            .exec(pingOnly ? VigilRequests.ping("ping, second burst") : VigilRequests.alertsFirstPage());

    {
        PopulationBuilder bursts = dashboards.injectOpen(nothingFor(settle), atOnceUsers(users))
                .andThen(alertPages.injectOpen(atOnceUsers(users)));
        setUp(warmupUsers > 0 ? generatorWarmup().andThen(bursts) : bursts)
                .protocols(sharedConnections ? VigilRequests.protocol().shareConnections() : VigilRequests.protocol())
                .assertions(assertions());
    }

    @Override
    public void after() {
        RunWindow.mark("end", System.currentTimeMillis());
    }

    private PopulationBuilder generatorWarmup() {
        return scenario("generator warm-up")
                .feed(listFeeder(records.subList(users, users + warmupUsers)).queue())
                .exec(VigilRequests.dashboard().silent(), VigilRequests.alertsFirstPage().silent())
                .injectOpen(sharedConnections ? inWaves() : List.of(rampUsers(warmupUsers).during(warmup)));
    }

    /** Waves of burst size, so that a shared pool has opened as many connections as the burst will use. */
    private List<OpenInjectionStep> inWaves() {
        int waves = Math.max(1, warmupUsers / users);
        List<OpenInjectionStep> steps = new ArrayList<>();
        for (int wave = 0; wave < waves; wave++) {
            steps.add(atOnceUsers(users));
            steps.add(nothingFor(warmup.dividedBy(waves)));
        }
        return steps;
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
