package dev.vigil.loadtest;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.forAll;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.rampConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 7's realistic session: {@code -Dusers} (default 1000) concurrent users, closed model, each a distinct
 * user with their own token, each repeating the web app's visit (dashboard, alerts and two cursor pages, one
 * alert and marking it read, active exposures, profile, subscription) with 1–3 s of think time between pages.
 * Ramp {@code -DrampSeconds} (60), then {@code -DholdSeconds} (300) at full load. Fails on any failed request
 * and on p95 above {@code -Dp95Ms} (20) for any request type or above {@code -DdashboardP95Ms} (10) for the
 * dashboard. The CI smoke is this simulation with 50 users for 30 s and {@code -DassertLatency=false}.
 */
public class RealisticSessionSimulation extends Simulation {

    private final int users = LoadSettings.whole("users", 1000);
    private final Duration ramp = LoadSettings.seconds("rampSeconds", 60);
    private final Duration hold = LoadSettings.seconds("holdSeconds", 300);
    private final Duration thinkMin = Duration.ofMillis(LoadSettings.whole("thinkMinMs", 1000));
    private final Duration thinkMax = Duration.ofMillis(LoadSettings.whole("thinkMaxMs", 3000));
    private final int p95Ms = LoadSettings.whole("p95Ms", 20);
    private final int dashboardP95Ms = LoadSettings.whole("dashboardP95Ms", 10);

    /**
     * Set by the first user, when injection really starts: users finish the visit they are in, then stop, once
     * it has passed. The closed model replaces a stopping user for the few milliseconds its hold still runs;
     * such late users take no record from the feeder and send nothing.
     */
    private final AtomicLong endOfLoad = new AtomicLong(Long.MAX_VALUE);

    private final ChainBuilder visit = exec(VigilRequests.dashboard()).pause(thinkMin, thinkMax)
            .exec(session -> session.remove(VigilRequests.NEXT_PAGE).remove(VigilRequests.ALERT_ID))
            .exec(VigilRequests.alertsFirstPage()).pause(thinkMin, thinkMax)
            .repeat(2).on(followNextPage())
            .doIf(session -> session.contains(VigilRequests.ALERT_ID)).then(
                    exec(VigilRequests.alert()).pause(thinkMin, thinkMax)
                            .exec(VigilRequests.alertRead()).pause(thinkMin, thinkMax))
            .exec(VigilRequests.exposuresActive()).pause(thinkMin, thinkMax)
            .exec(VigilRequests.me()).pause(thinkMin, thinkMax)
            .exec(VigilRequests.subscription()).pause(thinkMin, thinkMax);

    private final ScenarioBuilder session = scenario("realistic session")
            .exec(session -> {
                startClockOnce();
                return session;
            })
            .doIf(session -> loadRunning()).then(
                    feed(listFeeder(LoadUsers.records(LoadUsers.atLeast(users), ramp.plus(hold))).queue())
                            .asLongAs(session -> loadRunning()).on(visit));

    {
        setUp(session.injectClosed(
                        rampConcurrentUsers(0).to(users).during(ramp),
                        constantConcurrentUsers(users).during(hold)))
                .protocols(VigilRequests.protocol())
                .assertions(assertions());
    }

    @Override
    public void after() {
        RunWindow.mark("end", Math.min(System.currentTimeMillis(), endOfLoad.get()));
    }

    private void startClockOnce() {
        long now = System.currentTimeMillis();
        if (endOfLoad.compareAndSet(Long.MAX_VALUE, now + ramp.plus(hold).toMillis())) {
            RunWindow.mark("start", now + ramp.toMillis()); // measured from full load on, not during the ramp
        }
    }

    private boolean loadRunning() {
        return System.currentTimeMillis() < endOfLoad.get();
    }

    /** A page without a Link header ends the walk: the link is taken out before following it. */
    private ChainBuilder followNextPage() {
        return doIf(session -> session.contains(VigilRequests.NEXT_PAGE)).then(
                exec(session -> session.set(VigilRequests.FOLLOWED_PAGE, session.getString(VigilRequests.NEXT_PAGE))
                        .remove(VigilRequests.NEXT_PAGE))
                        .exec(VigilRequests.alertsNextPage()).pause(thinkMin, thinkMax));
    }

    private List<Assertion> assertions() {
        List<Assertion> assertions = new ArrayList<>(List.of(global().failedRequests().count().is(0L)));
        if (LoadSettings.assertLatency()) {
            assertions.add(global().responseTime().percentile(95.0).lt(p95Ms));
            assertions.add(forAll().responseTime().percentile(95.0).lt(p95Ms));
            assertions.add(details(VigilRequests.DASHBOARD).responseTime().percentile(95.0).lt(dashboardP95Ms));
        }
        return assertions;
    }
}
