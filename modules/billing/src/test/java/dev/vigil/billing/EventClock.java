package dev.vigil.billing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Supplier;
import org.axonframework.eventhandling.GenericEventMessage;

/**
 * Runs code with Axon's event clock stopped at a chosen instant, so that aggregates (which take "now" from it)
 * see a period end as passed without the test waiting a month.
 */
public final class EventClock {

    private EventClock() {
    }

    public static <T> T at(Instant instant, Supplier<T> action) {
        Clock original = GenericEventMessage.clock;
        GenericEventMessage.clock = Clock.fixed(instant, ZoneOffset.UTC);
        try {
            return action.get();
        } finally {
            GenericEventMessage.clock = original;
        }
    }

    public static void at(Instant instant, Runnable action) {
        at(instant, () -> {
            action.run();
            return null;
        });
    }
}
