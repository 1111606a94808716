package dev.vigil.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class RateLimitedLogTests {

    @Test
    void logsOncePerIntervalAndCountsWhatItLeftOut(CapturedOutput output) {
        AtomicLong now = new AtomicLong(Long.MAX_VALUE - 1_000); // nanoTime may wrap
        RateLimitedLog log = new RateLimitedLog(LoggerFactory.getLogger(RateLimitedLogTests.class), Duration.ofSeconds(10),
                now::get);

        log.warn("Redis {} failed", "read");
        log.warn("Redis {} failed", "store");
        log.warn("Redis {} failed", "read");
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        log.warn("Redis {} failed", "invalidate");

        assertThat(output.getOut()).containsOnlyOnce("Redis read failed").doesNotContain("Redis store failed")
                .contains("Redis invalidate failed (2 similar lines suppressed)");
    }
}
