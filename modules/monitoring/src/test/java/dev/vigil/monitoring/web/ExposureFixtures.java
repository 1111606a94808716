package dev.vigil.monitoring.web;

import dev.vigil.monitoring.api.ConfirmRemoval;
import dev.vigil.monitoring.api.DataType;
import dev.vigil.monitoring.api.ExposureStatus;
import dev.vigil.monitoring.api.FailRemoval;
import dev.vigil.monitoring.api.ReportFinding;
import dev.vigil.monitoring.api.RequestRemoval;
import dev.vigil.monitoring.api.Severity;
import dev.vigil.monitoring.api.SourceKind;
import dev.vigil.platform.axon.ConsistentCommandGateway;
import dev.vigil.platform.id.TimeOrderedIds;
import dev.vigil.platform.paging.KeysetPosition;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Exposures made the real way, through monitoring's commands, and what the tests expect of them: the expected
 * list is computed here, in memory, from what was seeded.
 */
final class ExposureFixtures {

    private static final Instant FOUND_AT = Instant.parse("2026-11-20T08:00:00Z");

    /** One seeded exposure as the list must show it. */
    record Seeded(UUID exposureId, ExposureStatus status, Severity severity, SourceKind sourceKind,
            Instant createdAt) {

        KeysetPosition position() {
            return new KeysetPosition(createdAt, exposureId);
        }
    }

    /** What to seed. */
    record Spec(ExposureStatus status, Severity severity, SourceKind sourceKind) {
    }

    private final ConsistentCommandGateway commands;
    private final JdbcClient jdbc;

    ExposureFixtures(ConsistentCommandGateway commands, JdbcClient jdbc) {
        this.commands = commands;
        this.jdbc = jdbc;
    }

    /** Seeds every spec in order (one wait for the read models at the end); newest first, as the list orders. */
    List<Seeded> seed(UUID userId, List<Spec> specs) {
        List<UUID> ids = commands.together(() -> {
            List<UUID> created = new ArrayList<>();
            for (Spec spec : specs) {
                UUID exposureId = report(userId, spec.severity(), spec.sourceKind());
                moveTo(userId, exposureId, spec.status());
                created.add(exposureId);
            }
            return created;
        });
        Map<UUID, Instant> createdAt = createdAt(userId);
        List<Seeded> seeded = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            Spec spec = specs.get(i);
            seeded.add(new Seeded(ids.get(i), spec.status(), spec.severity(), spec.sourceKind(),
                    createdAt.get(ids.get(i))));
        }
        return newestFirst(seeded);
    }

    /** A new ACTIVE exposure; its source name is unique, so it is never a duplicate. */
    UUID report(UUID userId, Severity severity, SourceKind sourceKind) {
        return commands.<dev.vigil.monitoring.api.FindingReceipt>send(new ReportFinding(userId, TimeOrderedIds.next(),
                "Source " + UUID.randomUUID(), sourceKind, List.of(DataType.EMAIL, DataType.NAME), severity, FOUND_AT))
                .exposureId();
    }

    /** Walks an ACTIVE exposure to {@code status} through the removal commands. */
    void moveTo(UUID userId, UUID exposureId, ExposureStatus status) {
        switch (status) {
            case ACTIVE -> {
            }
            case REMOVAL_REQUESTED -> commands.send(new RequestRemoval(exposureId, userId));
            case REMOVED -> {
                commands.send(new RequestRemoval(exposureId, userId));
                commands.send(new ConfirmRemoval(exposureId));
            }
            case REMOVAL_FAILED -> {
                commands.send(new RequestRemoval(exposureId, userId));
                commands.send(new FailRemoval(exposureId, "the broker did not answer"));
            }
        }
    }

    static List<Seeded> newestFirst(List<Seeded> seeded) {
        return seeded.stream().sorted((a, b) -> KeysetPosition.NEWEST_FIRST.compare(a.position(), b.position()))
                .toList();
    }

    private Map<UUID, Instant> createdAt(UUID userId) {
        return jdbc.sql("SELECT exposure_id, created_at FROM monitoring.exposure_feed WHERE user_id = :userId")
                .param("userId", userId)
                .query((rs, row) -> Map.entry(rs.getObject("exposure_id", UUID.class),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
