package dev.vigil.seeder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.SplittableRandom;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

class EventTimestampsTests {

    @Test
    void writesWhatAxonsFormatterWritesForSeededTimes() {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 100_000; i++) {
            Instant at = Instant.ofEpochMilli(random.nextLong(History.START.toEpochMilli() - 86_400_000L,
                    History.END.toEpochMilli() + 86_400_000L));
            assertThat(text(at)).isEqualTo(DateTimeUtils.formatInstant(at));
        }
        assertThat(text(Instant.parse("2026-01-02T03:04:05Z"))).isEqualTo(DateTimeUtils.formatInstant(Instant.parse("2026-01-02T03:04:05Z")));
    }

    @Test
    void leavesOtherTimesToAxonsFormatter() {
        Instant microseconds = Instant.parse("2026-01-02T03:04:05.123456Z");
        Instant farFuture = Instant.parse("+12026-01-02T03:04:05.123Z");
        assertThat(text(microseconds)).isEqualTo(DateTimeUtils.formatInstant(microseconds));
        assertThat(text(farFuture)).isEqualTo(DateTimeUtils.formatInstant(farFuture));
    }

    private static String text(Instant at) {
        return new String(EventTimestamps.of(at), StandardCharsets.US_ASCII);
    }
}
