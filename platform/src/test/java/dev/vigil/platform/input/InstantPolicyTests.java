package dev.vigil.platform.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.platform.paging.KeysetPosition;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InstantPolicyTests {

    @ParameterizedTest
    @ValueSource(strings = {"1970-01-01T00:00:00Z", "2026-12-04T20:00:00.123456Z", "9999-12-31T23:59:59.999999Z"})
    void acceptsTheEpochThroughTheLastMicrosecondOfYear9999(String instant) {
        assertThat(InstantPolicy.violation(Instant.parse(instant))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1969-12-31T23:59:59.999999999Z", "-5000-01-01T00:00:00Z", "9999-12-31T23:59:59.9999991Z",
            "+10000-01-01T00:00:00Z", "+294277-01-01T00:00:00Z", "+1000000000-12-31T23:59:59.999999999Z"})
    void refusesWhatLiesOutside(String instant) {
        assertThat(InstantPolicy.violation(Instant.parse(instant)))
                .contains("must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59.999999Z");
    }

    @Test
    void requireKeepsMicrosecondsAsPostgresqlDoes() {
        assertThat(InstantPolicy.require("foundAt", Instant.parse("2026-12-04T20:00:00.123456789Z")))
                .isEqualTo(Instant.parse("2026-12-04T20:00:00.123456Z"));
    }

    @Test
    void requireNamesTheFieldOfAMissingOrOutOfRangeInstant() {
        assertThatThrownBy(() -> InstantPolicy.require("periodEnd", null)).isInstanceOf(InvalidInput.class)
                .hasMessage("periodEnd: must not be null");
        assertThatThrownBy(() -> InstantPolicy.require("periodEnd", Instant.parse("+294277-01-01T00:00:00Z")))
                .isInstanceOf(InvalidInput.class)
                .hasMessage("periodEnd: must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59.999999Z");
    }

    @Test
    void everyStorableInstantSortsBeforeTheFirstPageOfAList() {
        assertThat(InstantPolicy.LATEST).isEqualTo(KeysetPosition.START.createdAt());
    }
}
