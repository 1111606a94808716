package dev.vigil.identity.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.identity.IdentityTestApplication;
import dev.vigil.identity.api.ProfileUpdated;
import dev.vigil.identity.api.RegisterUser;
import dev.vigil.identity.api.UserRegistered;
import dev.vigil.platform.axon.ConsistentCommandGateway;
import dev.vigil.platform.axon.ProjectionRebuilds;
import dev.vigil.platform.id.TimeOrderedIds;
import dev.vigil.platform.testing.ReadModelChecksums;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest(classes = IdentityTestApplication.class)
class UserProfileRebuildIntegrationTests {

    @Autowired
    ConsistentCommandGateway commands;

    @Autowired
    ProjectionRebuilds rebuilds;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserProfileProjection projection;

    @Test
    void rebuildingFromTheEventStoreGivesTheSameRowsAsLiveProjection() throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            commands.send(new RegisterUser(TimeOrderedIds.next(), "rebuild-" + i + "@example.org", "R" + i, "Asia/Tokyo"));
        }
        String live = ReadModelChecksums.checksum(jdbc, "identity.user_profile_view", "user_id");

        List<ProjectionRebuilds.Progress> progress = new ArrayList<>();
        ProjectionRebuilds.Report report = rebuilds.rebuild("identity-user-profile", progress::add);

        assertThat(ReadModelChecksums.checksum(jdbc, "identity.user_profile_view", "user_id")).isEqualTo(live);
        assertThat(report.events()).isGreaterThanOrEqualTo(50);
        assertThat(progress).isNotEmpty().last().satisfies(p -> assertThat(p.percent()).isEqualTo(100.0));
    }

    @Test
    void applyingTheSameEventTwiceOrAnOldOneLateChangesNothing() {
        UserRegistered registered = new UserRegistered(TimeOrderedIds.next(), "twice@example.org", "Twice", "UTC",
                Instant.parse("2026-01-02T03:04:05Z"));
        ProfileUpdated updated = new ProfileUpdated(registered.userId(), "Twice Renamed", "Europe/Oslo",
                Instant.parse("2026-01-03T03:04:05Z"));
        try {
            projection.on(registered, 0);
            String once = ReadModelChecksums.checksum(jdbc, "identity.user_profile_view", "user_id");
            projection.on(registered, 0);
            assertThat(ReadModelChecksums.checksum(jdbc, "identity.user_profile_view", "user_id")).isEqualTo(once);

            projection.on(updated, 1);
            String latest = ReadModelChecksums.checksum(jdbc, "identity.user_profile_view", "user_id");
            projection.on(updated, 1);
            projection.on(registered, 0); // the registration delivered again after the update
            assertThat(ReadModelChecksums.checksum(jdbc, "identity.user_profile_view", "user_id")).isEqualTo(latest);
            assertThat(jdbc.sql("SELECT display_name FROM identity.user_profile_view WHERE user_id = ?")
                    .param(registered.userId()).query(String.class).single()).isEqualTo("Twice Renamed");
        } finally {
            // the row has no event behind it: leave the table as the event store would build it
            jdbc.sql("DELETE FROM identity.user_profile_view WHERE user_id = ?").param(registered.userId()).update();
        }
    }
}
