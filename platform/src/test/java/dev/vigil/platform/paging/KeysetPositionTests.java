package dev.vigil.platform.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;
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
    void ordersNewestFirstWithIdsComparedUnsignedLikePostgres() {
        Instant at = Instant.parse("2026-03-01T12:00:00Z");
        KeysetPosition newer = new KeysetPosition(at.plusNanos(1_000), new UUID(0, 0));
        KeysetPosition highId = new KeysetPosition(at, UUID.fromString("ffffffff-0000-0000-0000-000000000000"));
        KeysetPosition lowId = new KeysetPosition(at, UUID.fromString("7fffffff-0000-0000-0000-000000000000"));
        assertThat(Stream.of(lowId, highId, newer).sorted(KeysetPosition.NEWEST_FIRST))
                .containsExactly(newer, highId, lowId);
        assertThat(KeysetPosition.NEWEST_FIRST.compare(KeysetPosition.START, newer)).isNegative();
    }

    @Test
    void startComesBeforeAnyRowInNewestFirstOrder() {
        assertThat(KeysetPosition.START.createdAt()).isAfter(Instant.parse("9999-12-31T23:59:59.999998Z"));
        assertThat(KeysetPosition.START.id()).isEqualTo(UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffffff"));
        assertThat(KeysetPosition.START.createdAtUtc().getOffset().getTotalSeconds()).isZero();
    }
}
