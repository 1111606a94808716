package dev.vigil.platform.axon;

import java.time.Duration;

/**
 * A command committed, but its events were not applied by the read models within the read-your-writes timeout
 * (a segment changing hands after an instance died, or projections far behind): the change is recorded and will
 * very likely show within seconds, but the caller's next read might not show it yet. Answered as a 503 problem
 * ({@link WriteNotVisibleAdvice}), never as a success.
 */
public class WriteNotConfirmedException extends RuntimeException {

    WriteNotConfirmedException(Duration timeout) {
        super("read models did not apply the command's events within " + timeout.toMillis() + " ms");
    }
}
