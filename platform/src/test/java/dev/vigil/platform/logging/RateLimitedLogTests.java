package dev.vigil.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.vigil.platform.testing.ExpectedLogs;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

class RateLimitedLogTests {

    @RegisterExtension
    final ExpectedLogs logs = ExpectedLogs.from(RateLimitedLogTests.class);

    @Test
    void logsOncePerIntervalAndCountsWhatItLeftOut() {
        AtomicLong now = new AtomicLong(Long.MAX_VALUE - 1_000); // nanoTime may wrap
        RateLimitedLog log = new RateLimitedLog(LoggerFactory.getLogger(RateLimitedLogTests.class), Duration.ofSeconds(10),
                now::get);

        log.warn("Redis {} failed", "read");
        log.warn("Redis {} failed", "store");
        log.warn("Redis {} failed", "read");
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        log.warn("Redis {} failed", "invalidate");

        assertThat(logs.messages(Level.WARN))
                .containsExactly("Redis read failed", "Redis invalidate failed (2 similar lines suppressed)");
    }
}
