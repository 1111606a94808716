package dev.vigil.alerting.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.alerting.api.AlertCategory;
import dev.vigil.alerting.api.AlertSeverity;
import dev.vigil.alerting.api.AlertStatus;
import dev.vigil.platform.paging.KeysetPosition;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AlertFilterTests {

    private static final Instant T = Instant.parse("2026-05-01T10:00:00.000001Z");

    @Test
    void roundsBoundsUpToTheMicrosecondsCreatedAtKeeps() {
        AlertFilter filter = new AlertFilter(null, Set.of(), null, T.plusNanos(1), T.plusNanos(1001));
        assertThat(filter.from()).isEqualTo(T.plusNanos(1000));
        assertThat(filter.to()).isEqualTo(T.plusNanos(2000));
        assertThat(new AlertFilter(null, Set.of(), null, T, null).from()).isEqualTo(T);
        // within one microsecond: no created_at lies between them, and the range is empty rather than wrong
        AlertFilter empty = new AlertFilter(null, Set.of(), null, T.plusNanos(1), T.plusNanos(999));
        assertThat(empty.from()).isEqualTo(empty.to());
    }

    @Test
    void theCanonicalFiltersDoNotDependOnSpellingOrOrder() {
        AlertFilter one = new AlertFilter(AlertStatus.UNREAD, new LinkedHashSet<>(List.of(AlertSeverity.LOW,
                AlertSeverity.HIGH, AlertSeverity.LOW)), AlertCategory.NEW_EXPOSURE, T, null);
        AlertFilter other = new AlertFilter(AlertStatus.UNREAD, Set.of(AlertSeverity.HIGH, AlertSeverity.LOW),
                AlertCategory.NEW_EXPOSURE, T, null);
        assertThat(one.pageFilters()).isEqualTo(other.pageFilters());
        assertThat(one.pageFilters().canonical()).isEqualTo(
                "category=NEW_EXPOSURE&from=2026-05-01T10%3A00%3A00.000001Z&severity=HIGH,LOW&status=UNREAD");
        assertThat(AlertFilter.NONE.pageFilters().canonical()).isEmpty();
        assertThat(new AlertFilter(null, Set.of(AlertSeverity.HIGH), null, null, null).pageFilters())
                .isNotEqualTo(new AlertFilter(null, Set.of(), null, null, null).pageFilters());
    }

    @Test
    void foldsToIntoTheKeysetBoundWhereItComesLaterInFeedOrder() {
        AlertFilter until = new AlertFilter(null, Set.of(), null, null, T);
        KeysetPosition beforeTo = new KeysetPosition(T, new UUID(0, 0));
        assertThat(until.upperBound(KeysetPosition.START)).isEqualTo(beforeTo);
        KeysetPosition older = new KeysetPosition(T.minusSeconds(1), UUID.randomUUID());
        assertThat(until.upperBound(older)).isEqualTo(older);
        // a row created exactly at `to` sorts before the bound, so it is excluded; one a microsecond earlier is not
        assertThat(KeysetPosition.NEWEST_FIRST.compare(new KeysetPosition(T, new UUID(0, 1)), beforeTo)).isNegative();
        assertThat(KeysetPosition.NEWEST_FIRST.compare(new KeysetPosition(T.minusNanos(1000), UUID.randomUUID()),
                beforeTo)).isPositive();
        assertThat(AlertFilter.NONE.upperBound(older)).isEqualTo(older);
    }

    @Test
    void withoutFromTheLowerBoundIsBeforeEveryAlert() {
        assertThat(AlertFilter.NONE.createdFrom()).isEqualTo(AlertFilter.EARLIEST);
        assertThat(new AlertFilter(null, Set.of(), null, T, null).createdFrom()).isEqualTo(T);
    }

    @Test
    void rejectsAReversedRangeAndBoundsPostgresCannotStore() {
        assertThatThrownBy(() -> new AlertFilter(null, Set.of(), null, T, T.minusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AlertFilter(null, Set.of(), null, Instant.parse("+10000-01-01T00:00:00Z"), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AlertFilter(null, Set.of(), null, null, AlertFilter.EARLIEST.minusNanos(1000)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(AlertFilter.isInRange(AlertFilter.LATEST)).isTrue();
        assertThat(AlertFilter.isInRange(AlertFilter.LATEST.plusNanos(1))).isFalse();
    }
}
