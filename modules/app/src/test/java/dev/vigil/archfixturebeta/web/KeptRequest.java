package dev.vigil.archfixturebeta.web;

import dev.vigil.platform.input.SafeText;
import dev.vigil.platform.input.StorableInstant;
import java.time.Instant;

/** Fixture: a request record that keeps the input policies. */
public record KeptRequest(@SafeText(max = 10) String name, @StorableInstant Instant at) {
}
