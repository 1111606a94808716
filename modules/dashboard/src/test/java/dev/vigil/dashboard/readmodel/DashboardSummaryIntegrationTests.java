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
import dev.vigil.dashboard.ProcessorCatchUp;
import dev.vigil.dashboard.SummaryRow;
import dev.vigil.identity.api.ProfileUpdated;
import dev.vigil.identity.api.UserRegistered;
import dev.vigil.monitoring.api.ExposureReappeared;
import dev.vigil.monitoring.api.RemovalConfirmed;
import dev.vigil.monitoring.api.RemovalFailed;
import dev.vigil.monitoring.api.RemovalRequested;
import dev.vigil.monitoring.api.Severity;
import dev.vigil.platform.id.TimeOrderedIds;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Events written to the event store as the other modules write them reach {@code dashboard_summary}
 * through the {@code dashboard-summary} processor.
 */
@SpringBootTest(classes = DashboardTestApplication.class)
@Import(DashboardTestSupport.class)
class DashboardSummaryIntegrationTests {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    @Autowired
    DomainEvents events;

    @Autowired
    ProcessorCatchUp catchUp;

    @Autowired
    JdbcClient jdbc;

    @Test
    void followsAUserFromRegistrationThroughExposuresAlertsAndALapsedSubscription() {
        UUID user = TimeOrderedIds.next();
        Instant periodEnd1 = T0.plus(Duration.ofDays(14));
        Instant periodEnd2 = T0.plus(Duration.ofDays(44));

        publish(new UserRegistered(user, "ada@example.org", "Ada", "Europe/Paris", at(0)));
        SummaryRow registered = SummaryRow.get(jdbc, user);
        assertThat(registered.displayName()).isEqualTo("Ada");
        assertThat(registered.plan()).isEqualTo("FREE");
        assertThat(registered.subscriptionStatus()).isNull();
        assertThat(registered.currentPeriodEnd()).isNull();
        assertThat(registered.riskScore()).isZero();
        assertThat(registered.alertsTotal()).isZero();
        assertThat(registered.updatedAt()).isEqualTo(at(0));

        publish(new ProfileUpdated(user, "Ada Lovelace", "Europe/London", at(1)),
                new SubscriptionStarted(user, Plan.PLUS, true, periodEnd1, at(2)));
        SummaryRow trialing = SummaryRow.get(jdbc, user);
        assertThat(trialing.displayName()).isEqualTo("Ada Lovelace");
        assertThat(trialing.plan()).isEqualTo("PLUS");
        assertThat(trialing.subscriptionStatus()).isEqualTo("TRIALING");
        assertThat(trialing.currentPeriodEnd()).isEqualTo(periodEnd1);

        publish(new SubscriptionRenewed(user, Plan.PLUS, periodEnd2, at(3)),
                new PlanChanged(user, Plan.PLUS, Plan.FAMILY, at(4)));
        SummaryRow upgraded = SummaryRow.get(jdbc, user);
        assertThat(upgraded.plan()).isEqualTo("FAMILY");
        assertThat(upgraded.subscriptionStatus()).as("a plan change keeps the status").isEqualTo("ACTIVE");
        assertThat(upgraded.currentPeriodEnd()).isEqualTo(periodEnd2);

        UUID low = TimeOrderedIds.next();
        UUID medium = TimeOrderedIds.next();
        UUID high = TimeOrderedIds.next();
        UUID critical = TimeOrderedIds.next();
        UUID high2 = TimeOrderedIds.next();
        UUID critical2 = TimeOrderedIds.next();
        publish(detected(user, low, Severity.LOW, at(10)), detected(user, medium, Severity.MEDIUM, at(11)),
                detected(user, high, Severity.HIGH, at(12)), detected(user, critical, Severity.CRITICAL, at(13)),
                detected(user, high2, Severity.HIGH, at(14)), detected(user, critical2, Severity.CRITICAL, at(15)));
        SummaryRow exposed = SummaryRow.get(jdbc, user);
        assertThat(exposed.exposuresActive()).isEqualTo(6);
        assertThat(List.of(exposed.openLow(), exposed.openMedium(), exposed.openHigh(), exposed.openCritical()))
                .containsExactly(1, 1, 2, 2);
        assertThat(exposed.riskScore()).isEqualTo(Math.min(100, 1 + 4 + 2 * 10 + 2 * 25));
        assertThat(exposed.lastExposureAt()).isEqualTo(at(15));

        publish(new RemovalRequested(low, user, at(20)), new RemovalRequested(medium, user, at(21)),
                new RemovalRequested(high, user, at(22)), new RemovalRequested(critical, user, at(23)),
                new RemovalConfirmed(low, user, at(24)), new RemovalConfirmed(medium, user, at(25)),
                new RemovalFailed(high, user, "broker refused", at(26)));
        SummaryRow removing = SummaryRow.get(jdbc, user);
        assertThat(List.of(removing.exposuresActive(), removing.exposuresRemovalRequested(), removing.exposuresRemoved(),
                removing.exposuresRemovalFailed())).containsExactly(2, 1, 2, 1);
        assertThat(List.of(removing.openLow(), removing.openMedium(), removing.openHigh(), removing.openCritical()))
                .as("removal requested and failed are still open").containsExactly(0, 0, 2, 2);
        assertThat(removing.riskScore()).isEqualTo(70);

        // the medium exposure reappears, now rated HIGH
        publish(new ExposureReappeared(medium, user, "PeopleFinder", Severity.HIGH, at(29), at(30)));
        SummaryRow reappeared = SummaryRow.get(jdbc, user);
        assertThat(List.of(reappeared.exposuresActive(), reappeared.exposuresRemovalRequested(),
                reappeared.exposuresRemoved(), reappeared.exposuresRemovalFailed())).containsExactly(3, 1, 1, 1);
        assertThat(List.of(reappeared.openLow(), reappeared.openMedium(), reappeared.openHigh(), reappeared.openCritical()))
                .containsExactly(0, 0, 3, 2);
        assertThat(reappeared.riskScore()).isEqualTo(80);
        assertThat(reappeared.lastExposureAt()).isEqualTo(at(30));

        UUID alert1 = TimeOrderedIds.next();
        UUID alert2 = TimeOrderedIds.next();
        UUID alert3 = TimeOrderedIds.next();
        publish(raised(user, alert1, AlertCategory.NEW_EXPOSURE, critical, at(31)),
                raised(user, alert2, AlertCategory.NEW_EXPOSURE, critical2, at(32)),
                raised(user, alert3, AlertCategory.EXPOSURE_REAPPEARED, medium, at(33)),
                new AlertRead(alert1, user, at(34)),
                new AlertDismissed(alert2, user, at(35)));
        SummaryRow alerted = SummaryRow.get(jdbc, user);
        assertThat(alerted.alertsTotal()).isEqualTo(3);
        assertThat(alerted.alertsUnread()).as("one read, one dismissed").isEqualTo(1);
        assertThat(alerted.lastAlertAt()).isEqualTo(at(33));

        publish(new AllAlertsMarkedRead(user, at(36)));
        assertThat(SummaryRow.get(jdbc, user).alertsUnread()).isZero();

        UUID paymentAlert = TimeOrderedIds.next();
        publish(new PaymentFailed(user, Plan.FAMILY, periodEnd2, "card declined", at(40)),
                raised(user, paymentAlert, AlertCategory.PAYMENT_FAILED, null, at(41)),
                new SubscriptionExpiring(user, Plan.FAMILY, SubscriptionStatus.PAST_DUE, periodEnd2, at(42)));
        SummaryRow pastDue = SummaryRow.get(jdbc, user);
        assertThat(pastDue.subscriptionStatus()).isEqualTo("PAST_DUE");
        assertThat(pastDue.subscriptionEndsAt()).isEqualTo(periodEnd2);
        assertThat(pastDue.plan()).isEqualTo("FAMILY");
        assertThat(pastDue.alertsTotal()).isEqualTo(4);
        assertThat(pastDue.alertsUnread()).isEqualTo(1);

        publish(new SubscriptionCancelled(user, Plan.FAMILY, periodEnd2, at(50)),
                new AlertDismissed(alert1, user, at(51)), // read, then dismissed: unread unchanged
                new AlertRead(alert2, user, at(52)));     // dismissed stays dismissed
        SummaryRow cancelled = SummaryRow.get(jdbc, user);
        assertThat(cancelled.subscriptionStatus()).isEqualTo("CANCELLED");
        assertThat(cancelled.alertsUnread()).isEqualTo(1);

        publish(new SubscriptionExpired(user, Plan.FAMILY, periodEnd2));
        assertThat(SummaryRow.get(jdbc, user)).isEqualTo(new SummaryRow(user, "Ada Lovelace", "FAMILY", "EXPIRED",
                periodEnd2, periodEnd2,
                3, 1, 1, 1,
                0, 0, 3, 2,
                4, 1, at(41), at(30), 80, periodEnd2));
        assertThat(alertStates(user)).containsExactly("DISMISSED", "DISMISSED", "READ", "UNREAD");
    }

    @Test
    void eventsThatArriveBeforeTheRegistrationAreKept() {
        UUID user = TimeOrderedIds.next();
        publish(detected(user, TimeOrderedIds.next(), Severity.CRITICAL, at(0)),
                raised(user, TimeOrderedIds.next(), AlertCategory.NEW_EXPOSURE, null, at(1)),
                new SubscriptionStarted(user, Plan.PLUS, false, at(100), at(2)));
        SummaryRow early = SummaryRow.get(jdbc, user);
        assertThat(early.displayName()).isNull();
        assertThat(early.exposuresActive()).isEqualTo(1);

        publish(new UserRegistered(user, "late@example.org", "Late", "UTC", at(3)));
        SummaryRow row = SummaryRow.get(jdbc, user);
        assertThat(row.displayName()).isEqualTo("Late");
        assertThat(row.exposuresActive()).isEqualTo(1);
        assertThat(row.openCritical()).isEqualTo(1);
        assertThat(row.riskScore()).isEqualTo(25);
        assertThat(row.alertsUnread()).isEqualTo(1);
        assertThat(row.subscriptionStatus()).isEqualTo("ACTIVE");
        assertThat(row.updatedAt()).isEqualTo(at(3));
    }

    @Test
    void riskScoreWeighsOpenExposuresBySeverityAndStopsAt100() {
        UUID user = TimeOrderedIds.next();
        publish(new UserRegistered(user, "risk@example.org", "Risk", "UTC", at(0)));
        publish(detected(user, TimeOrderedIds.next(), Severity.LOW, at(1)));
        assertThat(SummaryRow.get(jdbc, user).riskScore()).isEqualTo(1);
        publish(detected(user, TimeOrderedIds.next(), Severity.MEDIUM, at(2)));
        assertThat(SummaryRow.get(jdbc, user).riskScore()).isEqualTo(5);
        publish(detected(user, TimeOrderedIds.next(), Severity.HIGH, at(3)));
        assertThat(SummaryRow.get(jdbc, user).riskScore()).isEqualTo(15);

        List<UUID> criticals = List.of(TimeOrderedIds.next(), TimeOrderedIds.next(), TimeOrderedIds.next(),
                TimeOrderedIds.next());
        publish(criticals.stream().map(id -> (Object) detected(user, id, Severity.CRITICAL, at(4))).toList());
        assertThat(SummaryRow.get(jdbc, user).riskScore()).as("115 capped").isEqualTo(100);

        publish(criticals.stream().flatMap(id -> List.<Object>of(new RemovalRequested(id, user, at(5)),
                new RemovalConfirmed(id, user, at(6))).stream()).toList());
        assertThat(SummaryRow.get(jdbc, user).riskScore()).isEqualTo(15);
    }

    private void publish(Object... payloads) {
        publish(List.of(payloads));
    }

    private void publish(List<?> payloads) {
        events.publish(payloads);
        catchUp.await(DashboardSummaryProjection.PROCESSING_GROUP);
    }

    private List<String> alertStates(UUID user) {
        return jdbc.sql("SELECT status FROM dashboard.alert_state WHERE user_id = :user ORDER BY status")
                .param("user", user).query(String.class).list();
    }

    private static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }
}
