package dev.vigil.seeder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.platform.input.InstantPolicy;
import dev.vigil.platform.input.TextPolicy;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The seeder writes events directly, past every aggregate, so its values must keep the platform's input policies by
 * construction (ASCII names and reasons, instants in 2024..2027): checked on every text and instant of the events of
 * a few hundred users, a heavy one among them.
 */
class SeededValuesTests {

    /** Longer than any stored text field; each field's own limit is its aggregate's business. */
    private static final int ANY_FIELD = 500;

    @Test
    void everySeededTextAndInstantKeepsThePlatformsInputPolicies() throws ReflectiveOperationException {
        List<String> violations = new ArrayList<>();
        long values = 0;
        for (int index = 0; index < 300; index++) {
            for (SeedEvent event : UserHistory.generate(42, index).events()) {
                Object payload = event.payload();
                for (RecordComponent component : payload.getClass().getRecordComponents()) {
                    Object value = component.getAccessor().invoke(payload);
                    String where = payload.getClass().getSimpleName() + "." + component.getName();
                    if (value instanceof String text) {
                        values++;
                        TextPolicy.violation(text, ANY_FIELD).ifPresent(reason -> violations.add(where + ": " + reason));
                    } else if (value instanceof Instant instant) {
                        values++;
                        InstantPolicy.violation(instant).ifPresent(reason -> violations.add(where + ": " + reason));
                    }
                }
            }
        }
        assertThat(values).isGreaterThan(10_000);
        assertThat(violations).isEmpty();
    }
}
