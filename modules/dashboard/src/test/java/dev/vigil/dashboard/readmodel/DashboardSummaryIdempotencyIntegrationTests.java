package dev.vigil.dashboard.readmodel;

import static dev.vigil.dashboard.readmodel.SampleEvents.detected;
import static dev.vigil.dashboard.readmodel.SampleEvents.raised;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.alerting.api.AlertCategory;
import dev.vigil.alerting.api.AlertDismissed;
import dev.vigil.alerting.api.AlertRead;
import dev.vigil.alerting.api.AllAlertsMarkedRead;
import dev.vigil.billing.api.PaymentFailed;
import dev.vigil.billing.api.Plan;
import dev.vigil.billing.api.PlanChanged;
import dev.vigil.billing.api.SubscriptionCancelled;
import dev.vigil.billing.api.SubscriptionExpired;
import dev.vigil.billing.api.SubscriptionExpiring;
import dev.vigil.billing.api.SubscriptionRenewed;
import dev.vigil.billing.api.SubscriptionStarted;
import dev.vigil.billing.api.SubscriptionStatus;
import dev.vigil.dashboard.DashboardTestApplication;
import dev.vigil.dashboard.DashboardTestSupport;
import dev.vigil.dashboard.DomainEvents;
import dev.vigil.identity.api.ProfileUpdated;
import dev.vigil.identity.api.UserRegistered;
import dev.vigil.monitoring.api.ExposureReappeared;
import dev.vigil.monitoring.api.RemovalConfirmed;
import dev.vigil.monitoring.api.RemovalFailed;
import dev.vigil.monitoring.api.RemovalRequested;
import dev.vigil.monitoring.api.Severity;
import dev.vigil.platform.id.TimeOrderedIds;
import dev.vigil.platform.testing.ReadModelChecksums;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every handler of the projection, applied twice in a row to the same event, leaves the tables as one
 * application did, and old events delivered again after later ones change nothing. Events go straight to the
 * handlers (through Axon's annotation adapter, as a processor would deliver them, numbered per aggregate), not
 * through the event store, so the rows are removed afterwards.
 */
@SpringBootTest(classes = DashboardTestApplication.class)
@Import(DashboardTestSupport.class)
class DashboardSummaryIdempotencyIntegrationTests {

    private static final Instant T0 = Instant.parse("2026-04-01T08:00:00Z");

    @Autowired
    DashboardSummaryProjection projection;

    @Autowired
    DomainEvents events;

    @Autowired
    JdbcClient jdbc;

    private final UUID user = TimeOrderedIds.next();

    @Test
    void everyEventAppliedTwiceChangesNothingTheSecondTime() throws Exception {
        UUID exposure = TimeOrderedIds.next();
        UUID failing = TimeOrderedIds.next();
        UUID alert = TimeOrderedIds.next();
        UUID dismissed = TimeOrderedIds.next();
        UUID unread = TimeOrderedIds.next();
        Instant periodEnd = T0.plus(Duration.ofDays(30));
        List<Object> history = List.of(
                new UserRegistered(user, "twice@example.org", "Twice", "UTC", at(1)),
                new ProfileUpdated(user, "Twice Again", "UTC", at(2)),
                new SubscriptionStarted(user, Plan.PLUS, true, periodEnd, at(3)),
                new PlanChanged(user, Plan.PLUS, Plan.FAMILY, at(4)),
                new SubscriptionRenewed(user, Plan.FAMILY, periodEnd.plus(Duration.ofDays(30)), at(5)),
                detected(user, exposure, Severity.HIGH, at(6)),
                detected(user, failing, Severity.LOW, at(7)),
                new RemovalRequested(exposure, user, at(8)),
                new RemovalConfirmed(exposure, user, at(9)),
                new RemovalRequested(failing, user, at(10)),
                new RemovalFailed(failing, user, "no answer", at(11)),
                new ExposureReappeared(exposure, user, "PeopleFinder", Severity.CRITICAL, at(12), at(13)),
                raised(user, alert, AlertCategory.NEW_EXPOSURE, exposure, at(14)),
                raised(user, dismissed, AlertCategory.NEW_EXPOSURE, failing, at(15)),
                raised(user, unread, AlertCategory.EXPOSURE_REAPPEARED, exposure, at(16)),
                new AlertRead(alert, user, at(17)),
                new AlertDismissed(dismissed, user, at(18)),
                new AllAlertsMarkedRead(user, at(19)),
                new PaymentFailed(user, Plan.FAMILY, periodEnd, "card declined", at(20)),
                new SubscriptionExpiring(user, Plan.FAMILY, SubscriptionStatus.PAST_DUE, periodEnd, at(21)),
                new SubscriptionCancelled(user, Plan.FAMILY, periodEnd, at(22)),
                new SubscriptionExpired(user, Plan.FAMILY, periodEnd));
        assertThat(history.stream().map(Object::getClass).collect(Collectors.toSet()))
                .as("the history covers every event the projection handles").hasSize(18);

        AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(projection);
        List<EventMessage<?>> messages = history.stream().<EventMessage<?>>map(events::numbered).toList();
        for (EventMessage<?> event : messages) {
            String before = checksums();
            handlers.handle(event);
            String once = checksums();
            handlers.handle(event);

            assertThat(once).as("%s changed the tables", event.getPayloadType().getSimpleName()).isNotEqualTo(before);
            assertThat(checksums()).as("%s applied a second time", event.getPayloadType().getSimpleName()).isEqualTo(once);
        }
        String latest = checksums();
        for (EventMessage<?> event : messages) {
            handlers.handle(event);
            assertThat(checksums()).as("%s delivered again after later events", event.getPayloadType().getSimpleName())
                    .isEqualTo(latest);
        }

        assertThat(jdbc.sql("SELECT status FROM dashboard.alert_state WHERE user_id = :user ORDER BY status")
                .param("user", user).query(String.class).list()).containsExactly("DISMISSED", "READ", "READ");
        assertThat(jdbc.sql("""
                        SELECT alerts_total || '/' || alerts_unread || '/' || exposures_active || '/' || exposures_removal_failed
                               || '/' || open_exposures_critical || '/' || open_exposures_low || '/' || risk_score
                        FROM dashboard.dashboard_summary WHERE user_id = :user""")
                .param("user", user).query(String.class).single())
                .as("total/unread/active/failed/open critical/open low/risk").isEqualTo("3/0/1/1/1/1/26");
    }

    @AfterEach
    void removeRowsWithoutEvents() {
        // these rows have no events behind them: leave the tables as the event store would build them
        for (String table : Set.of("dashboard.dashboard_summary", "dashboard.exposure_state", "dashboard.alert_state")) {
            jdbc.sql("DELETE FROM " + table + " WHERE user_id = :user").param("user", user).update();
        }
    }

    private String checksums() {
        return ReadModelChecksums.checksum(jdbc, "dashboard.dashboard_summary", "user_id") + " "
                + ReadModelChecksums.checksum(jdbc, "dashboard.exposure_state", "user_id, exposure_id") + " "
                + ReadModelChecksums.checksum(jdbc, "dashboard.alert_state", "user_id, alert_id");
    }

    private static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }
}
