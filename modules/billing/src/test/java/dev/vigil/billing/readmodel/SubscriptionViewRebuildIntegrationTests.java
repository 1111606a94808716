package dev.vigil.billing.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.billing.BillingTestApplication;
import dev.vigil.billing.EventClock;
import dev.vigil.billing.IdentityEvents;
import dev.vigil.billing.api.CancelSubscription;
import dev.vigil.billing.api.ChangePlan;
import dev.vigil.billing.api.Expire;
import dev.vigil.billing.api.NoticeExpiry;
import dev.vigil.billing.api.PaymentFailed;
import dev.vigil.billing.api.Plan;
import dev.vigil.billing.api.PlanChanged;
import dev.vigil.billing.api.RecordPaymentFailure;
import dev.vigil.billing.api.RenewSubscription;
import dev.vigil.billing.api.StartSubscription;
import dev.vigil.billing.api.SubscriptionCancelled;
import dev.vigil.billing.api.SubscriptionExpired;
import dev.vigil.billing.api.SubscriptionExpiring;
import dev.vigil.billing.api.SubscriptionRenewed;
import dev.vigil.billing.api.SubscriptionStarted;
import dev.vigil.billing.api.SubscriptionStatus;
import dev.vigil.platform.axon.ConsistentCommandGateway;
import dev.vigil.platform.axon.ProjectionRebuilds;
import dev.vigil.platform.id.TimeOrderedIds;
import dev.vigil.platform.testing.ReadModelChecksums;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest(classes = BillingTestApplication.class)
class SubscriptionViewRebuildIntegrationTests {

    private static final String TABLE = "billing.subscription_view";

    @Autowired
    ConsistentCommandGateway commands;

    @Autowired
    ProjectionRebuilds rebuilds;

    @Autowired
    EventStore events;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SubscriptionViewProjection projection;

    @Test
    void rebuildingFromTheEventStoreGivesTheSameRowsAsLiveProjection() throws InterruptedException {
        List<UUID> users = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            users.add(IdentityEvents.registerUser(events, jdbc));
            liveThroughAHistory(users.get(i), i);
        }
        String live = ReadModelChecksums.checksum(jdbc, TABLE, "user_id");
        assertThat(jdbc.sql("SELECT status, count(*) FROM billing.subscription_view GROUP BY status")
                .query((rs, n) -> rs.getString(1)).list())
                .as("the histories cover every status")
                .containsExactlyInAnyOrder("TRIALING", "ACTIVE", "PAST_DUE", "CANCELLED", "EXPIRED");

        List<ProjectionRebuilds.Progress> progress = new ArrayList<>();
        ProjectionRebuilds.Report report = rebuilds.rebuild(SubscriptionViewProjection.PROCESSING_GROUP, progress::add);

        assertThat(ReadModelChecksums.checksum(jdbc, TABLE, "user_id")).isEqualTo(live);
        assertThat(report.events()).isGreaterThanOrEqualTo(30);
        assertThat(progress).isNotEmpty().last().satisfies(p -> assertThat(p.percent()).isEqualTo(100.0));
    }

    /** Six kinds of history, by {@code i % 6}, each ending in a different state. */
    private void liveThroughAHistory(UUID userId, int i) {
        switch (i % 6) {
            case 0 -> commands.send(new StartSubscription(userId, Plan.PLUS, true));
            case 1 -> {
                commands.send(new StartSubscription(userId, Plan.PLUS, false));
                commands.send(new ChangePlan(userId, Plan.FAMILY));
            }
            case 2 -> {
                commands.send(new StartSubscription(userId, Plan.FREE, false));
                commands.send(new RecordPaymentFailure(userId, "card declined"));
            }
            case 3 -> {
                commands.send(new StartSubscription(userId, Plan.PLUS, true));
                commands.send(new CancelSubscription(userId));
                Instant end = periodEnd(userId);
                EventClock.at(end.minus(Duration.ofDays(1)), () -> commands.send(new NoticeExpiry(userId)));
            }
            case 4 -> {
                commands.send(new StartSubscription(userId, Plan.FAMILY, true));
                commands.send(new RenewSubscription(userId, periodEnd(userId).plus(Duration.ofDays(30))));
            }
            default -> {
                commands.send(new StartSubscription(userId, Plan.PLUS, true));
                commands.send(new CancelSubscription(userId));
                EventClock.at(periodEnd(userId), () -> commands.send(new Expire(userId)));
                if (i % 12 == 11) {
                    commands.send(new StartSubscription(userId, Plan.FAMILY, false)); // a second subscription
                }
            }
        }
    }

    @Test
    void applyingTheSameEventTwiceChangesNothing() {
        UUID userId = TimeOrderedIds.next();
        Instant t = Instant.parse("2026-01-02T03:04:05.123456Z");
        Instant end = t.plus(Duration.ofDays(14));
        List<Runnable> history = List.of(
                () -> projection.on(new SubscriptionStarted(userId, Plan.PLUS, true, end, t), 0),
                () -> projection.on(new PlanChanged(userId, Plan.PLUS, Plan.FAMILY, t.plusSeconds(1)), 1),
                () -> projection.on(new PaymentFailed(userId, Plan.FAMILY, end, "declined", t.plusSeconds(2)), 2),
                () -> projection.on(new SubscriptionExpiring(userId, Plan.FAMILY, SubscriptionStatus.PAST_DUE, end,
                        t.plusSeconds(3)), 3),
                () -> projection.on(new SubscriptionRenewed(userId, Plan.FAMILY, end.plus(Duration.ofDays(30)),
                        t.plusSeconds(4)), 4),
                () -> projection.on(new SubscriptionCancelled(userId, Plan.FAMILY, end.plus(Duration.ofDays(30)),
                        t.plusSeconds(5)), 5),
                () -> projection.on(new SubscriptionExpired(userId, Plan.FAMILY, end.plus(Duration.ofDays(30))), 6));
        try {
            List<String> checksums = new ArrayList<>();
            for (Runnable event : history) {
                event.run();
                String once = ReadModelChecksums.checksum(jdbc, TABLE, "user_id");
                event.run();
                assertThat(ReadModelChecksums.checksum(jdbc, TABLE, "user_id")).isEqualTo(once);
                checksums.add(once);
            }
            assertThat(checksums).as("every event changed the row once").doesNotHaveDuplicates();

            // an older event delivered again after newer ones changes nothing either
            String last = checksums.getLast();
            history.get(1).run();
            history.get(4).run();
            assertThat(ReadModelChecksums.checksum(jdbc, TABLE, "user_id")).isEqualTo(last);
            assertThat(row(userId)).containsEntry("status", "EXPIRED").containsEntry("plan", "FAMILY")
                    .containsEntry("trial", false).containsEntry("version", 6L);
        } finally {
            // the row has no events behind it: leave the table as the event store would build it
            jdbc.sql("DELETE FROM billing.subscription_view WHERE user_id = :id").param("id", userId).update();
        }
    }

    private Map<String, Object> row(UUID userId) {
        return jdbc.sql("SELECT plan, status, trial, version FROM billing.subscription_view WHERE user_id = :id")
                .param("id", userId).query().singleRow();
    }

    private Instant periodEnd(UUID userId) {
        return jdbc.sql("SELECT current_period_end FROM billing.subscription_view WHERE user_id = :id")
                .param("id", userId).query(OffsetDateTime.class).single().toInstant();
    }
}
