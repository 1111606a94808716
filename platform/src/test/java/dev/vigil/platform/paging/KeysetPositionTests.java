package dev.vigil.platform.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KeysetPositionTests {

    private static final UUID ID = UUID.fromString("0195f3c2-7b1e-7cc4-9a55-4d1f0e9b2a10");

    @Test
    void rejectsInstantsFinerThanPostgresMicroseconds() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new KeysetPosition(Instant.parse("2026-03-01T12:00:00.000000001Z"), ID))
                .withMessageContaining("microseconds");
    }

    @Test
    void convertsToAndFromEpochMicroseconds() {
        for (String instant : new String[] {"2026-03-01T12:34:56.123457Z", "1969-12-31T23:59:59.999999Z",
                "1970-01-01T00:00:00Z", "9999-12-31T23:59:59.999999Z"}) {
            KeysetPosition position = new KeysetPosition(Instant.parse(instant), ID);
            assertThat(KeysetPosition.ofEpochMicros(position.epochMicros(), ID)).isEqualTo(position);
        }
        assertThat(new KeysetPosition(Instant.parse("1970-01-01T00:00:01.000002Z"), ID).epochMicros())
                .isEqualTo(1_000_002L);
    }

    @Test
    void startComesBeforeAnyRowInNewestFirstOrder() {
        assertThat(KeysetPosition.START.createdAt()).isAfter(Instant.parse("9999-12-31T23:59:59.999998Z"));
        assertThat(KeysetPosition.START.id()).isEqualTo(UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffffff"));
        assertThat(KeysetPosition.START.createdAtUtc().getOffset().getTotalSeconds()).isZero();
    }
}
