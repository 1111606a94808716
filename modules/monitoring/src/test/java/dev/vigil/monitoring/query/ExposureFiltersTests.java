package dev.vigil.monitoring.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.vigil.monitoring.api.ExposureStatus;
import dev.vigil.monitoring.api.Severity;
import dev.vigil.monitoring.api.SourceKind;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExposureFiltersTests {

    @Test
    void boundsAreRoundedUpToTheMicrosecondTheColumnHolds() {
        ExposureFilters filters = new ExposureFilters(null, Set.of(), null,
                Instant.parse("2026-11-20T08:00:00.0000001Z"), Instant.parse("2026-11-20T09:00:00.000002Z"));
        assertThat(filters.from()).isEqualTo(Instant.parse("2026-11-20T08:00:00.000001Z"));
        assertThat(filters.to()).isEqualTo(Instant.parse("2026-11-20T09:00:00.000002Z"));
    }

    @Test
    void theCanonicalFormIgnoresTheOrderSeveritiesWereGivenIn() {
        ExposureFilters one = new ExposureFilters(ExposureStatus.ACTIVE,
                new LinkedHashSet<>(List.of(Severity.HIGH, Severity.LOW)), SourceKind.BREACH,
                Instant.parse("2026-11-20T08:00:00Z"), null);
        ExposureFilters other = new ExposureFilters(ExposureStatus.ACTIVE,
                new LinkedHashSet<>(List.of(Severity.LOW, Severity.HIGH)), SourceKind.BREACH,
                Instant.parse("2026-11-20T08:00:00Z"), null);
        assertThat(one).isEqualTo(other);
        assertThat(one.pageFilters()).isEqualTo(other.pageFilters());
        assertThat(one.pageFilters().canonical())
                .isEqualTo("from=2026-11-20T08%3A00%3A00Z&severity=HIGH,LOW&sourceKind=BREACH&status=ACTIVE");
        assertThat(one.severities()).containsExactly(Severity.LOW, Severity.HIGH);
        assertThat(ExposureFilters.NONE.pageFilters().canonical()).isEmpty();
    }

    @Test
    void boundsOutsideTheSupportedYearsAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ExposureFilters(null, Set.of(), null,
                Instant.parse("0000-12-31T23:59:59Z"), null));
        assertThatIllegalArgumentException().isThrownBy(() -> new ExposureFilters(null, Set.of(), null,
                null, Instant.parse("+10000-01-01T00:00:00Z")));
        assertThat(ExposureFilters.inRange(ExposureFilters.EARLIEST)).isTrue();
        assertThat(ExposureFilters.inRange(ExposureFilters.LATEST)).isTrue();
        assertThat(ExposureFilters.inRange(ExposureFilters.LATEST.plusNanos(1))).isFalse();
    }
}
