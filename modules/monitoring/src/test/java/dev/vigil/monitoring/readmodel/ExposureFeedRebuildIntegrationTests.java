package dev.vigil.monitoring.readmodel;

import static dev.vigil.monitoring.MonitoringTestSupport.registerUser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.monitoring.MonitoringTestApplication;
import dev.vigil.monitoring.api.ConfirmRemoval;
import dev.vigil.monitoring.api.DataType;
import dev.vigil.monitoring.api.ExposureDetected;
import dev.vigil.monitoring.api.ExposureReappeared;
import dev.vigil.monitoring.api.FailRemoval;
import dev.vigil.monitoring.api.FindingReceipt;
import dev.vigil.monitoring.api.RemovalConfirmed;
import dev.vigil.monitoring.api.RemovalFailed;
import dev.vigil.monitoring.api.RemovalRequested;
import dev.vigil.monitoring.api.ReportFinding;
import dev.vigil.monitoring.api.RequestRemoval;
import dev.vigil.monitoring.api.Severity;
import dev.vigil.monitoring.api.SourceKind;
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

@SpringBootTest(classes = MonitoringTestApplication.class)
class ExposureFeedRebuildIntegrationTests {

    private static final String FEED = "monitoring.exposure_feed";

    @Autowired
    ConsistentCommandGateway commands;

    @Autowired
    ProjectionRebuilds rebuilds;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ExposureFeedProjection projection;

    @Test
    void rebuildingFromTheEventStoreGivesTheSameRowsAsLiveProjection() throws InterruptedException {
        for (int u = 0; u < 5; u++) {
            UUID userId = registerUser(commands);
            for (int i = 0; i < 8; i++) {
                UUID exposureId = report(userId, "Source " + i, Severity.values()[i % 4]).exposureId();
                walkThroughRemoval(userId, exposureId, i % 4);
            }
        }
        String live = ReadModelChecksums.checksum(jdbc, FEED, "exposure_id");

        List<ProjectionRebuilds.Progress> progress = new ArrayList<>();
        ProjectionRebuilds.Report report = rebuilds.rebuild("monitoring-exposure-feed", progress::add);

        assertThat(ReadModelChecksums.checksum(jdbc, FEED, "exposure_id")).isEqualTo(live);
        assertThat(live).startsWith("40:").as("statuses and reappearances all present")
                .satisfies(checksum -> assertThat(jdbc.sql("""
                                SELECT count(DISTINCT status) FROM monitoring.exposure_feed""").query(Long.class).single())
                        .isEqualTo(4L));
        assertThat(report.events()).isGreaterThanOrEqualTo(40);
        assertThat(progress).isNotEmpty().last().satisfies(p -> assertThat(p.percent()).isEqualTo(100.0));
    }

    @Test
    void replayingTheKnownUsersKeepsTheSameRows() throws InterruptedException {
        registerUser(commands);
        registerUser(commands);
        String live = ReadModelChecksums.checksum(jdbc, "monitoring.known_user", "user_id");

        rebuilds.rebuild("monitoring-known-users", p -> { });

        assertThat(ReadModelChecksums.checksum(jdbc, "monitoring.known_user", "user_id")).isEqualTo(live);
    }

    @Test
    void applyingTheSameEventsTwiceOrAnOldOneLateChangesNothing() {
        UUID exposureId = TimeOrderedIds.next();
        UUID userId = TimeOrderedIds.next();
        Instant t = Instant.parse("2026-01-02T03:04:05.123456Z");
        List<Runnable> history = List.of(
                () -> projection.on(new ExposureDetected(exposureId, userId, "Twice Broker", SourceKind.PEOPLE_SEARCH,
                        List.of(DataType.EMAIL, DataType.NAME), Severity.MEDIUM, t, t.plusSeconds(1)), 0),
                () -> projection.on(new RemovalRequested(exposureId, userId, t.plusSeconds(2)), 1),
                () -> projection.on(new RemovalFailed(exposureId, userId, "no answer", t.plusSeconds(3)), 2),
                () -> projection.on(new RemovalRequested(exposureId, userId, t.plusSeconds(4)), 3),
                () -> projection.on(new RemovalConfirmed(exposureId, userId, t.plusSeconds(5)), 4),
                () -> projection.on(new ExposureReappeared(exposureId, userId, "Twice Broker", Severity.HIGH,
                        t.plusSeconds(6), t.plusSeconds(7)), 5));
        try {
            history.forEach(Runnable::run);
            String once = ReadModelChecksums.checksum(jdbc, FEED, "exposure_id");
            assertThat(jdbc.sql("""
                            SELECT reappeared_count FROM monitoring.exposure_feed WHERE exposure_id = :id""")
                    .param("id", exposureId).query(Integer.class).single()).isEqualTo(1);

            history.forEach(Runnable::run);
            assertThat(ReadModelChecksums.checksum(jdbc, FEED, "exposure_id")).isEqualTo(once);

            history.get(2).run(); // an old RemovalFailed arriving late
            assertThat(ReadModelChecksums.checksum(jdbc, FEED, "exposure_id")).isEqualTo(once);
        } finally {
            // the row has no events behind it: leave the table as the event store would build it
            jdbc.sql("DELETE FROM monitoring.exposure_feed WHERE exposure_id = :id").param("id", exposureId).update();
        }
    }

    private FindingReceipt report(UUID userId, String source, Severity severity) {
        return commands.send(new ReportFinding(userId, TimeOrderedIds.next(), source, SourceKind.DATA_BROKER,
                List.of(DataType.EMAIL, DataType.PHONE), severity, Instant.parse("2026-11-20T08:00:00Z")));
    }

    /** 0: stays ACTIVE; 1: REMOVAL_FAILED; 2: REMOVED; 3: removed, reappeared, removal requested again. */
    private void walkThroughRemoval(UUID userId, UUID exposureId, int depth) {
        if (depth == 0) {
            return;
        }
        commands.send(new RequestRemoval(exposureId, userId));
        if (depth == 1) {
            commands.send(new FailRemoval(exposureId, "broker refused"));
            return;
        }
        commands.send(new ConfirmRemoval(exposureId));
        if (depth == 3) {
            FindingReceipt again = report(userId, jdbc.sql("""
                            SELECT source_name FROM monitoring.exposure_feed WHERE exposure_id = :id""")
                    .param("id", exposureId).query(String.class).single(), Severity.CRITICAL);
            assertThat(again.outcome()).hasToString("REAPPEARED");
            commands.send(new RequestRemoval(exposureId, userId));
        }
    }
}
