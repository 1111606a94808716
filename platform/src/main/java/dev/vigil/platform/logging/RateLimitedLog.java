package dev.vigil.platform.logging;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * A warning that is logged at most once per interval, however many requests run into the same problem; the
 * next line that gets through says how many were left out. For failures that repeat with the traffic (Redis
 * unreachable, read models lagging), where a line per request would flood the log.
 */
public final class RateLimitedLog {

    private final Logger log;
    private final long intervalNanos;
    private final LongSupplier nanoTicker;
    private final AtomicLong nextAllowed;
    private final AtomicLong suppressed = new AtomicLong();

    /** {@code nanoTicker} is {@code System::nanoTime}, or a test's clock. */
    public RateLimitedLog(Logger log, Duration interval, LongSupplier nanoTicker) {
        this.log = log;
        this.intervalNanos = interval.toNanos();
        this.nanoTicker = nanoTicker;
        this.nextAllowed = new AtomicLong(nanoTicker.getAsLong());
    }

    /** Logs like {@link Logger#warn(String, Object...)}, unless a line went out less than an interval ago. */
    public void warn(String format, Object... arguments) {
        long now = nanoTicker.getAsLong();
        long next = nextAllowed.get();
        if (now - next < 0 || !nextAllowed.compareAndSet(next, now + intervalNanos)) {
            suppressed.incrementAndGet();
            return;
        }
        long left = suppressed.getAndSet(0);
        if (left == 0) {
            log.warn(format, arguments);
        } else {
            log.warn(format + " (" + left + " similar lines suppressed)", arguments);
        }
    }
}
