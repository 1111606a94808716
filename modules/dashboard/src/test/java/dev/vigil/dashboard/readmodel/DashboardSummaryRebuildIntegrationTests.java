package dev.vigil.dashboard.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.dashboard.DashboardTestApplication;
import dev.vigil.dashboard.DashboardTestSupport;
import dev.vigil.dashboard.DomainEvents;
import dev.vigil.dashboard.ProcessorCatchUp;
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
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Replaying the event store from scratch rebuilds the summary and both state tables exactly as the live
 * projection built them, and the reset leaves nothing behind that events did not write.
 */
@SpringBootTest(classes = DashboardTestApplication.class)
@Import(DashboardTestSupport.class)
class DashboardSummaryRebuildIntegrationTests {

    private static final int USERS = 40;
    private static final int EVENTS_PER_TRANSACTION = 7;

    @Autowired
    DomainEvents events;

    @Autowired
    ProcessorCatchUp catchUp;

    @Autowired
    ProjectionRebuilds rebuilds;

    @Autowired
    JdbcClient jdbc;

    @Test
    void rebuildingFromTheEventStoreGivesTheSameTablesAsTheLiveProjection() throws InterruptedException {
        RandomHistories histories = new RandomHistories(20261127L, Instant.parse("2026-06-01T00:00:00Z"));
        List<List<Object>> perUser = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            perUser.add(histories.of(TimeOrderedIds.next()));
        }
        List<Object> interleaved = interleave(perUser);
        for (int from = 0; from < interleaved.size(); from += EVENTS_PER_TRANSACTION) {
            events.publish(interleaved.subList(from, Math.min(interleaved.size(), from + EVENTS_PER_TRANSACTION)));
        }
        catchUp.await(DashboardSummaryProjection.PROCESSING_GROUP);
        String live = checksums();
        assertThat(rows("dashboard.dashboard_summary")).isGreaterThanOrEqualTo(USERS);
        assertThat(rows("dashboard.exposure_state")).isPositive();
        assertThat(rows("dashboard.alert_state")).isPositive();

        // rows no event wrote: the reset must clear all three tables, not only the summary
        UUID stray = TimeOrderedIds.next();
        jdbc.sql("INSERT INTO dashboard.dashboard_summary (user_id, updated_at) VALUES (:id, now())").param("id", stray).update();
        jdbc.sql("INSERT INTO dashboard.exposure_state VALUES (:id, :id, 'ACTIVE', 'LOW')").param("id", stray).update();
        jdbc.sql("INSERT INTO dashboard.alert_state VALUES (:id, :id, 'UNREAD')").param("id", stray).update();
        assertThat(checksums()).isNotEqualTo(live);

        List<ProjectionRebuilds.Progress> progress = new ArrayList<>();
        ProjectionRebuilds.Report report = rebuilds.rebuild(DashboardSummaryProjection.PROCESSING_GROUP, progress::add);

        assertThat(checksums()).isEqualTo(live);
        assertThat(report.events()).isGreaterThanOrEqualTo(interleaved.size());
        assertThat(progress).isNotEmpty().last().satisfies(p -> assertThat(p.percent()).isEqualTo(100.0));
    }

    /** Round-robin over the users: each user's events keep their order, different users' events mix. */
    private static List<Object> interleave(List<List<Object>> perUser) {
        List<Object> all = new ArrayList<>();
        int longest = perUser.stream().mapToInt(List::size).max().orElse(0);
        for (int i = 0; i < longest; i++) {
            for (List<Object> history : perUser) {
                if (i < history.size()) {
                    all.add(history.get(i));
                }
            }
        }
        return all;
    }

    private long rows(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private String checksums() {
        return ReadModelChecksums.checksum(jdbc, "dashboard.dashboard_summary", "user_id") + " "
                + ReadModelChecksums.checksum(jdbc, "dashboard.exposure_state", "user_id, exposure_id") + " "
                + ReadModelChecksums.checksum(jdbc, "dashboard.alert_state", "user_id, alert_id");
    }
}
