package dev.vigil.billing.lifecycle;

import static dev.vigil.billing.api.Plan.PLUS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.billing.BillingTestApplication;
import dev.vigil.billing.EventClock;
import dev.vigil.billing.IdentityEvents;
import dev.vigil.billing.api.CancelSubscription;
import dev.vigil.billing.api.RecordPaymentFailure;
import dev.vigil.billing.api.RenewSubscription;
import dev.vigil.billing.api.StartSubscription;
import dev.vigil.billing.api.SubscriptionId;
import dev.vigil.platform.axon.ConsistentCommandGateway;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The lifecycle job against the real database, driven at chosen instants (the event clock is moved with it,
 * because the aggregate checks period ends itself). Its own context, so a run's counts are this class's alone;
 * a batch of 2 makes batching visible. After each test every subscription is expired, so none is left due.
 */
@DirtiesContext // a configuration of its own: close it (and its pool) when done
@SpringBootTest(classes = BillingTestApplication.class, properties = "vigil.billing.lifecycle.batch-size=2")
class SubscriptionLifecycleIntegrationTests {

    private static final String EXPIRING = "dev.vigil.billing.api.SubscriptionExpiring";
    private static final String EXPIRED = "dev.vigil.billing.api.SubscriptionExpired";

    @Autowired
    SubscriptionLifecycleJob job;

    @Autowired
    ConsistentCommandGateway commands;

    @Autowired
    EventStore events;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void expireEverything() {
        Instant later = Instant.now().plus(Duration.ofDays(400));
        for (int run = 0; run < 100 && runAt(later).expiries() > 0; run++) {
            // each run expires one batch
        }
    }

    @Test
    void noticesTrialsPastDueAndCancelledSubscriptionsOnceWithinTheWindowButNotActiveOnes() {
        UUID active = started(false);
        UUID trial = started(true);
        UUID cancelled = started(false);
        commands.send(new CancelSubscription(cancelled));
        UUID pastDue = started(false);
        commands.send(new RecordPaymentFailure(pastDue, "card declined"));
        Instant trialEnd = periodEnd(trial);
        Instant paidEnd = periodEnd(cancelled);

        assertThat(runAt(trialEnd.minus(Duration.ofDays(4))).notices()).as("outside the 3-day window").isZero();
        assertThat(runAt(trialEnd.minus(Duration.ofDays(2))).notices()).isEqualTo(1);
        List<UUID> users = List.of(active, trial, cancelled, pastDue);
        assertThat(eventsOf(EXPIRING, users)).containsOnlyKeys(trial);

        Instant twoDaysBefore = paidEnd.minus(Duration.ofDays(2));
        assertThat(runAt(twoDaysBefore).notices()).isEqualTo(2);
        assertThat(runAt(twoDaysBefore.plusSeconds(3600)).notices()).as("noticed once per period").isZero();
        assertThat(eventsOf(EXPIRING, users)).containsOnlyKeys(trial, cancelled, pastDue)
                .allSatisfy((user, count) -> assertThat(count).isEqualTo(1));
        assertThat(jdbc.sql("SELECT expiry_noticed_at FROM billing.subscription_view WHERE user_id = :id")
                .param("id", cancelled).query(OffsetDateTime.class).single().toInstant()).isEqualTo(twoDaysBefore);
    }

    @Test
    void expiresLapsingSubscriptionsAtTheirPeriodEndAndActiveOnesOnlyAfterTheRenewalGrace() {
        UUID active = started(false);
        UUID cancelled = started(false);
        commands.send(new CancelSubscription(cancelled));
        UUID renewed = started(false);
        commands.send(new CancelSubscription(renewed));
        Instant activeEnd = periodEnd(active);
        Instant cancelledEnd = periodEnd(cancelled);
        commands.send(new RenewSubscription(renewed, periodEnd(renewed).plus(Duration.ofDays(30))));
        List<UUID> users = List.of(active, cancelled, renewed);

        assertThat(runAt(cancelledEnd.minusNanos(1000)).expiries()).isZero();
        assertThat(runAt(cancelledEnd).expiries()).isEqualTo(1);
        assertThat(eventsOf(EXPIRED, users)).containsOnlyKeys(cancelled);
        assertThat(status(cancelled)).isEqualTo("EXPIRED");

        Instant graceEnd = activeEnd.plus(Duration.ofDays(3));
        assertThat(runAt(graceEnd.minusNanos(1000)).expiries()).as("inside the renewal grace").isZero();
        assertThat(runAt(graceEnd).expiries()).isEqualTo(1);
        assertThat(eventsOf(EXPIRED, users)).containsOnlyKeys(cancelled, active);
        assertThat(status(active)).isEqualTo("EXPIRED");
        assertThat(status(renewed)).isEqualTo("ACTIVE");
    }

    @Test
    void aRunSendsAtMostOneBatchAndTheNextRunContinues() {
        List<UUID> users = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            users.add(started(true));
            commands.send(new CancelSubscription(users.get(i)));
        }
        Instant after = periodEnd(users.get(2)).plusSeconds(1);

        assertThat(runAt(after).expiries()).isEqualTo(2);
        assertThat(runAt(after).expiries()).isEqualTo(1);
        assertThat(runAt(after).expiries()).isZero();
        assertThat(eventsOf(EXPIRED, users)).containsOnlyKeys(users).allSatisfy((user, count) -> assertThat(count).isEqualTo(1));
    }

    @Test
    void twoInstancesRunningAtOnceNoticeAndExpireEachSubscriptionOnce() {
        List<UUID> users = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            users.add(started(false));
            commands.send(new CancelSubscription(users.get(i)));
        }
        Instant end = periodEnd(users.get(5));

        runConcurrently(end.minus(Duration.ofDays(1)));
        runConcurrently(end.plusSeconds(1));

        assertThat(eventsOf(EXPIRING, users)).containsOnlyKeys(users).allSatisfy((user, count) -> assertThat(count).isEqualTo(1));
        assertThat(eventsOf(EXPIRED, users)).containsOnlyKeys(users).allSatisfy((user, count) -> assertThat(count).isEqualTo(1));
    }

    /** Two "instances" run the job at the same instant until neither finds anything left to do. */
    private void runConcurrently(Instant now) {
        EventClock.at(now, () -> {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Callable<Void> instance = () -> {
                    for (int i = 0; i < 20; i++) {
                        SubscriptionLifecycleJob.Run run = job.run(now);
                        if (run.notices() + run.expiries() == 0) {
                            break;
                        }
                    }
                    return null;
                };
                List<Future<Void>> runs = pool.invokeAll(List.of(instance, instance));
                for (Future<Void> run : runs) {
                    run.get();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                pool.shutdown();
            }
        });
    }

    private SubscriptionLifecycleJob.Run runAt(Instant now) {
        return EventClock.at(now, () -> job.run(now));
    }

    private UUID started(boolean trial) {
        UUID userId = IdentityEvents.registerUser(events, jdbc);
        commands.send(new StartSubscription(userId, PLUS, trial));
        return userId;
    }

    private Instant periodEnd(UUID userId) {
        return jdbc.sql("SELECT current_period_end FROM billing.subscription_view WHERE user_id = :id")
                .param("id", userId).query(OffsetDateTime.class).single().toInstant();
    }

    private String status(UUID userId) {
        return jdbc.sql("SELECT status FROM billing.subscription_view WHERE user_id = :id")
                .param("id", userId).query(String.class).single();
    }

    /** How many events of this type each of {@code users}' subscriptions has, for those that have any. */
    private Map<UUID, Long> eventsOf(String payloadType, List<UUID> users) {
        Map<String, UUID> byAggregate = users.stream().collect(Collectors.toMap(SubscriptionId::of, Function.identity()));
        return jdbc.sql("""
                        SELECT aggregate_identifier FROM axon.domain_event_entry
                        WHERE payload_type = :type AND aggregate_identifier IN (:aggregates)""")
                .param("type", payloadType)
                .param("aggregates", byAggregate.keySet())
                .query(String.class).list().stream()
                .collect(Collectors.groupingBy(byAggregate::get, Collectors.counting()));
    }
}
