package dev.vigil.platform.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.vigil.platform.paging.KeysetPosition;
import dev.vigil.platform.web.FieldError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeWindowTests {

    private final List<FieldError> errors = new ArrayList<>();

    @Test
    void boundsNeedAnOffsetAndAreReadInUtc() {
        TimeWindow window = TimeWindow.parse("2026-11-01T10:00:00+02:00", " 2026-11-02T00:00:00Z ", errors);
        assertThat(errors).isEmpty();
        assertThat(window.from()).isEqualTo("2026-11-01T08:00:00Z");
        assertThat(window.to()).isEqualTo("2026-11-02T00:00:00Z");
        TimeWindow.parse("2026-11-01T10:00:00", "", errors);
        assertThat(errors).extracting(FieldError::field).containsExactly("from", "to");
    }

    @Test
    void boundsAreRoundedUpToTheMicrosecondsACreationTimeHolds() {
        TimeWindow window = TimeWindow.between(Instant.parse("2026-11-01T00:00:00.0000001Z"),
                Instant.parse("2026-11-01T00:00:00.000002Z"));
        assertThat(window.from()).isEqualTo("2026-11-01T00:00:00.000001Z");
        assertThat(window.to()).isEqualTo("2026-11-01T00:00:00.000002Z");
    }

    @Test
    void theLatestBoundIsTheLastMicrosecondTheCursorCanHold() {
        assertThat(TimeWindow.LATEST).isEqualTo("9999-12-31T23:59:59.999999Z");
        TimeWindow.parse(null, "9999-12-31T23:59:59.999999Z", errors);
        assertThat(errors).isEmpty();
        TimeWindow.parse("0000-12-31T23:59:59Z", "9999-12-31T23:59:59.9999991Z", errors);
        assertThat(errors).containsExactly(
                new FieldError("from", "must be between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999999Z"),
                new FieldError("to", "must be between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999999Z"));
    }

    @Test
    void toMustBeAfterFrom() {
        TimeWindow.parse("2026-11-02T00:00:00Z", "2026-11-01T00:00:00Z", errors);
        TimeWindow.parse("2026-11-02T00:00:00Z", "2026-11-02T00:00:00Z", errors);
        assertThat(errors).containsExactly(new FieldError("to", "must be after from"),
                new FieldError("to", "must be after from"));
        assertThatIllegalArgumentException().isThrownBy(() -> TimeWindow.between(Instant.parse("2026-11-02T00:00:00Z"),
                Instant.parse("2026-11-01T00:00:00Z")));
    }

    @Test
    void boundsWithinOneMicrosecondAreAnEmptyWindowNotAnError() {
        TimeWindow window = TimeWindow.between(Instant.parse("2026-11-01T00:00:00.0000001Z"),
                Instant.parse("2026-11-01T00:00:00.0000002Z"));
        assertThat(window.from()).isEqualTo(window.to());
    }

    @Test
    void toIsFoldedIntoTheKeysetBoundWhereItComesLater() {
        TimeWindow window = TimeWindow.between(null, Instant.parse("2026-11-01T00:00:00Z"));
        KeysetPosition beforeTo = window.upperBound(KeysetPosition.START);
        assertThat(beforeTo).isEqualTo(new KeysetPosition(Instant.parse("2026-11-01T00:00:00Z"), new UUID(0, 0)));
        KeysetPosition deeper = new KeysetPosition(Instant.parse("2026-10-01T00:00:00Z"), UUID.randomUUID());
        assertThat(window.upperBound(deeper)).isEqualTo(deeper);
        assertThat(TimeWindow.ALL.upperBound(deeper)).isEqualTo(deeper);
        assertThat(TimeWindow.ALL.lowerBound()).isEqualTo(TimeWindow.EARLIEST);
    }
}
