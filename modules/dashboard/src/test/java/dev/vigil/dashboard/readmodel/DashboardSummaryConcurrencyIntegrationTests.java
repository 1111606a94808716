package dev.vigil.dashboard.readmodel;

import static dev.vigil.dashboard.readmodel.SampleEvents.detected;
import static dev.vigil.dashboard.readmodel.SampleEvents.raised;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.alerting.api.AlertCategory;
import dev.vigil.alerting.api.AlertDismissed;
import dev.vigil.alerting.api.AlertRead;
import dev.vigil.alerting.api.AllAlertsMarkedRead;
import dev.vigil.dashboard.DashboardTestApplication;
import dev.vigil.dashboard.DashboardTestSupport;
import dev.vigil.dashboard.DomainEvents;
import dev.vigil.dashboard.ProcessorCatchUp;
import dev.vigil.dashboard.SummaryRow;
import dev.vigil.identity.api.UserRegistered;
import dev.vigil.monitoring.api.RemovalConfirmed;
import dev.vigil.monitoring.api.RemovalFailed;
import dev.vigil.monitoring.api.RemovalRequested;
import dev.vigil.monitoring.api.Severity;
import dev.vigil.platform.id.TimeOrderedIds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Counters stay exact when many events of one user arrive at once: appended to the event store from
 * several threads (interleaved with other users' events), and even when handlers for the same user run
 * concurrently, which per-user sequencing normally prevents.
 */
@SpringBootTest(classes = DashboardTestApplication.class)
@Import(DashboardTestSupport.class)
class DashboardSummaryConcurrencyIntegrationTests {

    private static final int THREADS = 6;
    private static final int ITEMS_PER_THREAD = 20;
    private static final Instant T0 = Instant.parse("2026-05-01T00:00:00Z");
    private static final Severity[] SEVERITIES = Severity.values();

    @Autowired
    DomainEvents events;

    @Autowired
    ProcessorCatchUp catchUp;

    @Autowired
    DashboardSummaryProjection projection;

    @Autowired
    JdbcClient jdbc;

    @Test
    void eventsOfOneUserAppendedFromManyThreadsEndInExactCounts() throws Exception {
        UUID user = TimeOrderedIds.next();
        List<UUID> others = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            others.add(TimeOrderedIds.next());
        }
        events.publish(new UserRegistered(user, "busy@example.org", "Busy", "UTC", T0));
        Expected expected = new Expected();

        // each thread drives its own exposures and alerts of the same user through their life, one
        // transaction per step, and a few events of another user in between
        runConcurrently(thread -> {
            for (int item = 0; item < ITEMS_PER_THREAD; item++) {
                UUID exposure = TimeOrderedIds.next();
                UUID alert = TimeOrderedIds.next();
                Severity severity = SEVERITIES[(thread + item) % SEVERITIES.length];
                Instant at = T0.plusSeconds(thread * 1000L + item * 10L);
                events.publish(detected(user, exposure, severity, at));
                events.publish(raised(user, alert, AlertCategory.NEW_EXPOSURE, exposure, at.plusSeconds(1)));
                events.publish(detected(others.get(thread), TimeOrderedIds.next(), severity, at));
                switch (item % 4) {
                    case 0 -> expected.exposure(exposure, "ACTIVE", severity).alert(alert, "UNREAD");
                    case 1 -> {
                        events.publish(new RemovalRequested(exposure, user, at.plusSeconds(2)),
                                new AlertRead(alert, user, at.plusSeconds(3)));
                        expected.exposure(exposure, "REMOVAL_REQUESTED", severity).alert(alert, "READ");
                    }
                    case 2 -> {
                        events.publish(new RemovalRequested(exposure, user, at.plusSeconds(2)));
                        events.publish(new RemovalConfirmed(exposure, user, at.plusSeconds(3)));
                        events.publish(new AlertDismissed(alert, user, at.plusSeconds(4)));
                        expected.exposure(exposure, "REMOVED", severity).alert(alert, "DISMISSED");
                    }
                    default -> {
                        events.publish(new RemovalRequested(exposure, user, at.plusSeconds(2)));
                        events.publish(new RemovalFailed(exposure, user, "refused", at.plusSeconds(3)),
                                new AlertRead(alert, user, at.plusSeconds(4)));
                        events.publish(new AlertDismissed(alert, user, at.plusSeconds(5)));
                        expected.exposure(exposure, "REMOVAL_FAILED", severity).alert(alert, "DISMISSED");
                    }
                }
                events.publish(raised(others.get(thread), TimeOrderedIds.next(), AlertCategory.NEW_EXPOSURE, null, at));
            }
        });
        catchUp.await(DashboardSummaryProjection.PROCESSING_GROUP);

        expected.assertMatches(SummaryRow.get(jdbc, user));
        assertCountersAgreeWithStateTables(user);
        for (UUID other : others) {
            SummaryRow row = SummaryRow.get(jdbc, other);
            assertThat(row.exposuresActive()).isEqualTo(ITEMS_PER_THREAD);
            assertThat(row.alertsUnread()).isEqualTo(ITEMS_PER_THREAD);
            assertCountersAgreeWithStateTables(other);
        }

        events.publish(new AllAlertsMarkedRead(user, T0.plusSeconds(100_000)));
        catchUp.await(DashboardSummaryProjection.PROCESSING_GROUP);
        SummaryRow marked = SummaryRow.get(jdbc, user);
        assertThat(marked.alertsUnread()).isZero();
        assertThat(marked.alertsTotal()).isEqualTo(THREADS * ITEMS_PER_THREAD);
        assertThat(SummaryRow.get(jdbc, others.getFirst()).alertsUnread()).as("another user's alerts").isEqualTo(ITEMS_PER_THREAD);
        assertCountersAgreeWithStateTables(user);
    }

    /**
     * Per-user sequencing keeps one user's events on one thread; this calls the handlers from many threads
     * at once anyway. Every counter change is one atomic SQL statement, so no update is lost.
     */
    @Test
    void handlersRunningConcurrentlyForTheSameUserLoseNoUpdate() throws Exception {
        UUID user = TimeOrderedIds.next();
        AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(projection);
        Expected expected = new Expected();
        try {
            runConcurrently(thread -> {
                for (int item = 0; item < ITEMS_PER_THREAD; item++) {
                    UUID exposure = TimeOrderedIds.next();
                    UUID alert = TimeOrderedIds.next();
                    Severity severity = SEVERITIES[(thread + item) % SEVERITIES.length];
                    Instant at = T0.plusSeconds(thread * 1000L + item * 10L);
                    handlers.handle(events.numbered(detected(user, exposure, severity, at)));
                    handlers.handle(events.numbered(
                            raised(user, alert, AlertCategory.NEW_EXPOSURE, exposure, at)));
                    if (item % 2 == 0) {
                        handlers.handle(events.numbered(new RemovalRequested(exposure, user, at)));
                        handlers.handle(events.numbered(new RemovalConfirmed(exposure, user, at)));
                        handlers.handle(events.numbered(new AlertRead(alert, user, at)));
                        expected.exposure(exposure, "REMOVED", severity).alert(alert, "READ");
                    } else {
                        expected.exposure(exposure, "ACTIVE", severity).alert(alert, "UNREAD");
                    }
                }
            });

            expected.assertMatches(SummaryRow.get(jdbc, user));
            assertCountersAgreeWithStateTables(user);
        } finally {
            // rows without events behind them: leave the tables as the event store would build them
            for (String table : List.of("dashboard.dashboard_summary", "dashboard.exposure_state", "dashboard.alert_state")) {
                jdbc.sql("DELETE FROM " + table + " WHERE user_id = :user").param("user", user).update();
            }
        }
    }

    /** Recounts the user's state rows and compares them with the counters the deltas produced. */
    private void assertCountersAgreeWithStateTables(UUID user) {
        String recounted = jdbc.sql("""
                        SELECT (SELECT count(*) FILTER (WHERE status = 'ACTIVE') || '/'
                                    || count(*) FILTER (WHERE status = 'REMOVAL_REQUESTED') || '/'
                                    || count(*) FILTER (WHERE status = 'REMOVED') || '/'
                                    || count(*) FILTER (WHERE status = 'REMOVAL_FAILED') || '/'
                                    || count(*) FILTER (WHERE status <> 'REMOVED' AND severity = 'LOW') || '/'
                                    || count(*) FILTER (WHERE status <> 'REMOVED' AND severity = 'MEDIUM') || '/'
                                    || count(*) FILTER (WHERE status <> 'REMOVED' AND severity = 'HIGH') || '/'
                                    || count(*) FILTER (WHERE status <> 'REMOVED' AND severity = 'CRITICAL')
                                FROM dashboard.exposure_state WHERE user_id = :user)
                            || '/' || (SELECT count(*) || '/' || count(*) FILTER (WHERE status = 'UNREAD')
                                       FROM dashboard.alert_state WHERE user_id = :user)""")
                .param("user", user).query(String.class).single();
        SummaryRow row = SummaryRow.get(jdbc, user);
        assertThat(String.join("/", List.of(row.exposuresActive(), row.exposuresRemovalRequested(), row.exposuresRemoved(),
                row.exposuresRemovalFailed(), row.openLow(), row.openMedium(), row.openHigh(), row.openCritical(),
                row.alertsTotal(), row.alertsUnread()).stream().map(String::valueOf).toList()))
                .as("summary counters of %s against its state rows", user).isEqualTo(recounted);
    }

    private static void runConcurrently(ThreadTask task) throws Exception {
        CyclicBarrier start = new CyclicBarrier(THREADS);
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            List<Future<Void>> done = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                int thread = i;
                done.add(pool.submit((Callable<Void>) () -> {
                    start.await();
                    task.run(thread);
                    return null;
                }));
            }
            for (Future<Void> future : done) {
                future.get();
            }
        }
    }

    @FunctionalInterface
    private interface ThreadTask {
        void run(int thread) throws Exception;
    }

    /** The final state of each exposure and alert, from which the expected counters follow. */
    private static final class Expected {

        private final Map<UUID, String> exposureStatus = new ConcurrentHashMap<>();
        private final Map<UUID, Severity> exposureSeverity = new ConcurrentHashMap<>();
        private final Map<UUID, String> alertStatus = new ConcurrentHashMap<>();

        Expected exposure(UUID id, String status, Severity severity) {
            exposureStatus.put(id, status);
            exposureSeverity.put(id, severity);
            return this;
        }

        Expected alert(UUID id, String status) {
            alertStatus.put(id, status);
            return this;
        }

        void assertMatches(SummaryRow row) {
            assertThat(row.exposuresActive()).isEqualTo(exposures("ACTIVE"));
            assertThat(row.exposuresRemovalRequested()).isEqualTo(exposures("REMOVAL_REQUESTED"));
            assertThat(row.exposuresRemoved()).isEqualTo(exposures("REMOVED"));
            assertThat(row.exposuresRemovalFailed()).isEqualTo(exposures("REMOVAL_FAILED"));
            assertThat(List.of(row.openLow(), row.openMedium(), row.openHigh(), row.openCritical()))
                    .containsExactly(open(Severity.LOW), open(Severity.MEDIUM), open(Severity.HIGH), open(Severity.CRITICAL));
            assertThat(row.alertsTotal()).isEqualTo(alertStatus.size()).isEqualTo(THREADS * ITEMS_PER_THREAD);
            assertThat(row.alertsUnread()).isEqualTo((int) alertStatus.values().stream().filter("UNREAD"::equals).count());
            int risk = open(Severity.LOW) + 4 * open(Severity.MEDIUM) + 10 * open(Severity.HIGH) + 25 * open(Severity.CRITICAL);
            assertThat(row.riskScore()).isEqualTo(Math.min(100, risk));
        }

        private int exposures(String status) {
            return (int) exposureStatus.values().stream().filter(status::equals).count();
        }

        private int open(Severity severity) {
            return (int) exposureStatus.entrySet().stream()
                    .filter(e -> !e.getValue().equals("REMOVED") && exposureSeverity.get(e.getKey()) == severity)
                    .count();
        }
    }
}
