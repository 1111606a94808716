package dev.vigil.seeder;

import dev.vigil.monitoring.api.DataType;
import dev.vigil.monitoring.api.ExposureDetected;
import dev.vigil.monitoring.api.ExposureReappeared;
import dev.vigil.monitoring.api.RemovalConfirmed;
import dev.vigil.monitoring.api.RemovalFailed;
import dev.vigil.monitoring.api.RemovalRequested;
import dev.vigil.monitoring.api.Severity;
import dev.vigil.monitoring.api.SourceKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

/**
 * One exposure's life: detected, then (data brokers re-list people) removed and found again a few times, and
 * finally active, awaiting removal, refused or removed, as the Exposure aggregate allows. Stops at
 * {@link History#END}.
 */
final class ExposureHistory {

    private static final List<Severity> SEVERITIES = List.of(Severity.values());
    private static final List<SourceKind> KINDS = List.of(SourceKind.DATA_BROKER, SourceKind.PEOPLE_SEARCH,
            SourceKind.BREACH, SourceKind.PASTE);
    private static final List<DataType> DATA_TYPES = List.of(DataType.values());
    private static final List<String> REFUSALS = List.of("the site did not answer", "identity could not be verified",
            "the source refused the request", "listing is public record");
    /**
     * Chance of one more removal-and-reappearance cycle, by kind of source: data brokers and people-search sites
     * re-list a removed profile again and again (their data is bought back), a breach or a paste reappears on
     * another mirror now and then. Tuned so that alerts come to about twice the exposures ({@code UserHistoryTests}).
     */
    private static double relists(SourceKind kind) {
        return switch (kind) {
            case DATA_BROKER -> 0.85;
            case PEOPLE_SEARCH -> 0.8;
            case PASTE -> 0.5;
            case BREACH -> 0.3;
        };
    }

    private final Randoms random;
    private final UUID userId;
    private final List<SeedEvent> events = new ArrayList<>();
    private UUID exposureId;
    private Instant last;

    private ExposureHistory(Randoms random, UUID userId) {
        this.random = random;
        this.userId = userId;
    }

    static List<SeedEvent> of(Randoms random, UUID userId, Instant registeredAt, String sourceName) {
        ExposureHistory history = new ExposureHistory(random, userId);
        history.live(random.between(registeredAt.plus(Duration.ofHours(1)), History.END.minus(Duration.ofHours(1))),
                sourceName);
        return history.events;
    }

    private void live(Instant detectedAt, String sourceName) {
        exposureId = random.timeOrderedId(detectedAt);
        Severity severity = random.weighted(SEVERITIES, 30, 38, 22, 10);
        SourceKind kind = random.weighted(KINDS, 45, 25, 20, 10);
        Instant foundAt = detectedAt.minus(Duration.ofMinutes(random.between(0, 43_200)));
        emit(detectedAt, new ExposureDetected(exposureId, userId, sourceName, kind, dataTypes(), severity, foundAt,
                detectedAt));
        double relists = relists(kind);
        while (random.chance(relists)) {
            if (!request() || !confirm()) {
                return;
            }
            // brokers re-list within weeks: a removal holds until their next data refresh
            Instant reappearedAt = random.after(last, Duration.ofDays(5), Duration.ofDays(90));
            Severity now = random.chance(0.2) ? random.pick(SEVERITIES) : severity;
            Instant foundAgain = reappearedAt.minus(Duration.ofMinutes(random.between(0, 7_200)));
            if (!emit(reappearedAt, new ExposureReappeared(exposureId, userId, sourceName, now, foundAgain, reappearedAt))) {
                return;
            }
        }
        double outcome = random.unit();
        if (outcome < 0.45 || !request()) {
            return;
        }
        if (outcome < 0.55) {
            return;
        }
        if (outcome < 0.65) {
            Instant failedAt = random.after(last, Duration.ofDays(1), Duration.ofDays(20));
            emit(failedAt, new RemovalFailed(exposureId, userId, random.pick(REFUSALS), failedAt));
            return;
        }
        confirm();
    }

    private boolean request() {
        // requested by the user from the alert, or by the automatic removal service
        Instant at = random.after(last, Duration.ofHours(1), Duration.ofDays(14));
        return emit(at, new RemovalRequested(exposureId, userId, at));
    }

    private boolean confirm() {
        Instant at = random.after(last, Duration.ofDays(1), Duration.ofDays(14));
        return emit(at, new RemovalConfirmed(exposureId, userId, at));
    }

    private List<DataType> dataTypes() {
        EnumSet<DataType> types = EnumSet.noneOf(DataType.class);
        int count = random.between(1, 4);
        while (types.size() < count) {
            types.add(random.pick(DATA_TYPES));
        }
        return List.copyOf(types);
    }

    private boolean emit(Instant at, Object payload) {
        if (!History.within(at)) {
            return false;
        }
        last = at;
        events.add(SeedEvent.of("Exposure", exposureId.toString(), random.randomId(), at, payload));
        return true;
    }
}
