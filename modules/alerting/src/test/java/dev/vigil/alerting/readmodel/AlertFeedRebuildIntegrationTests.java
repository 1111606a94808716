package dev.vigil.alerting.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.alerting.AlertingTestApplication;
import dev.vigil.alerting.api.AlertCategory;
import dev.vigil.alerting.api.AlertDismissed;
import dev.vigil.alerting.api.AlertRaised;
import dev.vigil.alerting.api.AlertRead;
import dev.vigil.alerting.api.AlertSeverity;
import dev.vigil.alerting.api.AllAlertsMarkedRead;
import dev.vigil.alerting.api.DismissAlert;
import dev.vigil.alerting.api.MarkAllAlertsRead;
import dev.vigil.alerting.api.RaiseAlert;
import dev.vigil.alerting.api.ReadAlert;
import dev.vigil.platform.axon.ConsistentCommandGateway;
import dev.vigil.platform.axon.ProjectionRebuilds;
import dev.vigil.platform.id.TimeOrderedIds;
import dev.vigil.platform.testing.ReadModelChecksums;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest(classes = AlertingTestApplication.class)
class AlertFeedRebuildIntegrationTests {

    private static final String TABLE = "alerting.alert_feed";
    private static final String INBOXES = "alerting.alert_inbox_version";

    @Autowired
    ConsistentCommandGateway commands;

    @Autowired
    ProjectionRebuilds rebuilds;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AlertFeedProjection projection;

    @Test
    void rebuildingFromTheEventStoreGivesTheSameRowsAsLiveProjection() throws InterruptedException {
        int events = 0;
        List<UUID> users = new ArrayList<>();
        for (int user = 0; user < 4; user++) {
            UUID userId = TimeOrderedIds.next();
            users.add(userId);
            List<UUID> alerts = new ArrayList<>();
            for (int i = 0; i < 15; i++) {
                alerts.add(raise(userId, i));
            }
            commands.send(new ReadAlert(alerts.get(0), userId));
            commands.send(new DismissAlert(alerts.get(1), userId));
            commands.send(new ReadAlert(alerts.get(2), userId));
            commands.send(new DismissAlert(alerts.get(2), userId));
            commands.send(new MarkAllAlertsRead(userId));
            for (int i = 0; i < 5; i++) {
                alerts.add(raise(userId, 100 + i));
            }
            commands.send(new DismissAlert(alerts.get(7), userId));
            commands.send(new ReadAlert(alerts.get(16), userId));
            events += 15 + 5 + 5 + 2;
        }
        assertThat(jdbc.sql("SELECT count(DISTINCT status) FROM alerting.alert_feed").query(Long.class).single())
                .as("the table holds every status").isEqualTo(3L);
        assertThat(jdbc.sql("SELECT count(*) FROM alerting.alert_inbox_version WHERE user_id IN (:users)")
                .param("users", users).query(Long.class).single())
                .as("one inbox version per user who marked all read").isEqualTo(4L);
        String live = checksums();

        List<ProjectionRebuilds.Progress> progress = new ArrayList<>();
        ProjectionRebuilds.Report report = rebuilds.rebuild(AlertFeedProjection.PROCESSING_GROUP, progress::add);

        assertThat(checksums()).isEqualTo(live);
        assertThat(report.events()).isGreaterThanOrEqualTo(events);
        assertThat(progress).isNotEmpty().last().satisfies(p -> assertThat(p.percent()).isEqualTo(100.0));
    }

    @Test
    void applyingAnyEventTwiceOrAnOldOneLateChangesNothing() {
        UUID userId = TimeOrderedIds.next();
        Instant t = Instant.parse("2026-11-27T12:00:00.123456Z");
        AlertRaised first = raised(userId, t);
        AlertRaised second = raised(userId, t.plusSeconds(1));
        AlertRaised third = raised(userId, t.plusSeconds(40));
        AllAlertsMarkedRead markedAllRead = new AllAlertsMarkedRead(userId, t.plusSeconds(20));
        try {
            twice(() -> projection.on(first, 0));
            twice(() -> projection.on(second, 0));
            twice(() -> projection.on(new AlertRead(first.alertId(), userId, t.plusSeconds(10)), 1));
            twice(() -> projection.on(markedAllRead, 0));
            twice(() -> projection.on(new AlertDismissed(first.alertId(), userId, t.plusSeconds(30)), 2));
            twice(() -> projection.on(third, 0));
            assertThat(statuses(userId)).containsExactly("DISMISSED/true", "READ/true", "UNREAD/false");

            // old events delivered again after later ones leave the later state alone
            String latest = checksums();
            projection.on(first, 0);
            projection.on(new AlertRead(first.alertId(), userId, t.plusSeconds(10)), 1);
            projection.on(markedAllRead, 0); // the third alert was raised after it: it stays unread
            assertThat(checksums()).isEqualTo(latest);

            twice(() -> projection.on(new AllAlertsMarkedRead(userId, t.plusSeconds(50)), 1));
            assertThat(statuses(userId)).containsExactly("DISMISSED/true", "READ/true", "READ/true");
        } finally {
            // these rows have no events behind them: leave the tables as the event store would build them
            jdbc.sql("DELETE FROM alerting.alert_feed WHERE user_id = :userId").param("userId", userId).update();
            jdbc.sql("DELETE FROM alerting.alert_inbox_version WHERE user_id = :userId").param("userId", userId).update();
        }
    }

    private List<String> statuses(UUID userId) {
        return jdbc.sql("""
                        SELECT status, read_at IS NOT NULL FROM alerting.alert_feed WHERE user_id = :userId
                        ORDER BY created_at""").param("userId", userId)
                .query((rs, row) -> rs.getString(1) + "/" + rs.getBoolean(2)).list();
    }

    private void twice(Runnable apply) {
        apply.run();
        String once = checksums();
        apply.run();
        assertThat(checksums()).isEqualTo(once);
    }

    private String checksums() {
        return ReadModelChecksums.checksum(jdbc, TABLE, "alert_id") + " "
                + ReadModelChecksums.checksum(jdbc, INBOXES, "user_id");
    }

    private UUID raise(UUID userId, int n) {
        UUID alertId = TimeOrderedIds.next();
        AlertSeverity severity = AlertSeverity.values()[n % AlertSeverity.values().length];
        if (n % 2 == 0) {
            commands.send(new RaiseAlert(alertId, userId, AlertCategory.NEW_EXPOSURE, severity,
                    "Your email found on Source " + n, TimeOrderedIds.next(), "Source " + n));
        } else {
            commands.send(new RaiseAlert(alertId, userId, AlertCategory.SUBSCRIPTION_EXPIRING, severity,
                    "Your Plus plan expires on 2026-12-0" + (n % 9 + 1), null, null));
        }
        return alertId;
    }

    private static AlertRaised raised(UUID userId, Instant at) {
        return new AlertRaised(TimeOrderedIds.next(), userId, AlertCategory.EXPOSURE_REAPPEARED, AlertSeverity.HIGH,
                "Your data reappeared on Acme", TimeOrderedIds.next(), "Acme", at);
    }
}
