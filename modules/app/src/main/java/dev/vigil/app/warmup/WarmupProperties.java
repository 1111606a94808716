package dev.vigil.app.warmup;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The warm-up before readiness ({@code vigil.warmup.*}).
 *
 * @param enabled on in the production profile; off by default, so tests and the development run start as before
 * @param budget how long the warm-up may delay readiness: no request starts after it, and one in flight is given up
 *        at it. Two seconds compile the hot paths' code to C1 on a quiet 2-core machine (docs/reliability.md)
 * @param rounds at most this many rounds of {@link HotPathWarmup#PATHS} per client, so a fast machine stops early
 */
@Validated
@ConfigurationProperties("vigil.warmup")
public record WarmupProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("2s") @NotNull Duration budget,
        @DefaultValue("150") @Positive int rounds) {

    public WarmupProperties {
        if (budget != null && (budget.isNegative() || budget.isZero())) {
            throw new IllegalArgumentException("vigil.warmup.budget must be positive, got " + budget);
        }
    }
}
