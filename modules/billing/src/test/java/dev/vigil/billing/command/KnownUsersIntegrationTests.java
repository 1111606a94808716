package dev.vigil.billing.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.billing.BillingTestApplication;
import dev.vigil.billing.IdentityEvents;
import dev.vigil.billing.api.Plan;
import dev.vigil.billing.api.StartSubscription;
import dev.vigil.billing.domain.UnknownUser;
import dev.vigil.identity.api.UserRegistered;
import dev.vigil.platform.axon.ConsistentCommandGateway;
import dev.vigil.platform.axon.ProjectionRebuilds;
import dev.vigil.platform.id.TimeOrderedIds;
import dev.vigil.platform.testing.ReadModelChecksums;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * billing learns of users from identity's UserRegistered and rejects subscriptions for anyone else.
 */
@SpringBootTest(classes = BillingTestApplication.class)
class KnownUsersIntegrationTests {

    private static final String TABLE = "billing.known_user";

    @Autowired
    ConsistentCommandGateway commands;

    @Autowired
    EventStore events;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KnownUsersProjection projection;

    @Autowired
    JdbcKnownUsers knownUsers;

    @Autowired
    ProjectionRebuilds rebuilds;

    @Test
    void aRegisteredUserCanSubscribeAndAnUnknownOneCannot() {
        UUID registered = IdentityEvents.registerUser(events, jdbc);
        UUID stranger = TimeOrderedIds.next();

        assertThat(knownUsers.isRegistered(registered)).isTrue();
        assertThat(knownUsers.isRegistered(stranger)).isFalse();
        commands.send(new StartSubscription(registered, Plan.PLUS, false));
        assertThatThrownBy(() -> commands.send(new StartSubscription(stranger, Plan.PLUS, false)))
                .isInstanceOf(UnknownUser.class);
        assertThat(jdbc.sql("SELECT count(*) FROM axon.domain_event_entry WHERE aggregate_identifier = :id")
                .param("id", "subscription-" + stranger).query(Long.class).single()).isZero();
    }

    @Test
    void applyingTheSameRegistrationTwiceChangesNothing() {
        UserRegistered event = new UserRegistered(TimeOrderedIds.next(), "twice@example.org", "Twice", "UTC",
                Instant.parse("2026-01-02T03:04:05Z"));
        try {
            projection.on(event);
            String once = ReadModelChecksums.checksum(jdbc, TABLE, "user_id");
            projection.on(event);
            assertThat(ReadModelChecksums.checksum(jdbc, TABLE, "user_id")).isEqualTo(once);
        } finally {
            jdbc.sql("DELETE FROM billing.known_user WHERE user_id = :id").param("id", event.userId()).update();
        }
    }

    @Test
    void aResetKeepsEveryUserKnownAndTheReplayChangesNothing() throws InterruptedException {
        for (int i = 0; i < 5; i++) {
            IdentityEvents.registerUser(events, jdbc);
        }
        String before = ReadModelChecksums.checksum(jdbc, TABLE, "user_id");

        projection.reset();
        assertThat(ReadModelChecksums.checksum(jdbc, TABLE, "user_id")).as("no user unknown during a replay").isEqualTo(before);
        rebuilds.rebuild(KnownUsersProjection.PROCESSING_GROUP, progress -> { });
        assertThat(ReadModelChecksums.checksum(jdbc, TABLE, "user_id")).isEqualTo(before);
    }
}
