package dev.vigil.alerting.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.monitoring.api.DataType;
import dev.vigil.monitoring.api.ExposureDetected;
import dev.vigil.platform.input.TextPolicy;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AlertTitlesTests {

    private static final String EMOJI = "\uD83D\uDD0E"; // one code point, two UTF-16 units

    /** A title the alert would refuse would stop the alerting policy on that event: every name must fit whole. */
    @Test
    void aShortenedSourceNameNeverEndsInHalfASurrogatePair() {
        IntStream.rangeClosed(0, ExposureDetected.MAX_SOURCE_NAME_LENGTH).forEach(ascii -> {
            String name = "a".repeat(ascii) + EMOJI.repeat(ExposureDetected.MAX_SOURCE_NAME_LENGTH - ascii);
            for (String title : List.of(AlertTitles.exposureReappeared(name),
                    AlertTitles.newExposure(List.of(DataType.values()), name))) {
                assertThat(TextPolicy.violation(title, AlertTitles.MAX_LENGTH)).as(title).isEmpty();
            }
        });
    }

    @Test
    void aNameThatFitsIsKeptWholeAndOneThatDoesNotEndsInAnEllipsisAtTheMaximum() {
        String fits = EMOJI.repeat(AlertTitles.MAX_LENGTH - "Your data reappeared on ".length());
        assertThat(AlertTitles.exposureReappeared(fits)).isEqualTo("Your data reappeared on " + fits);

        String title = AlertTitles.exposureReappeared(fits + EMOJI);
        assertThat(TextPolicy.length(title)).isEqualTo(AlertTitles.MAX_LENGTH);
        assertThat(title).endsWith(EMOJI + "…");
    }
}
