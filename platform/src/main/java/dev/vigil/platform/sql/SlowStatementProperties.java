package dev.vigil.platform.sql;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When a statement counts as slow ({@code vigil.sql.slow.*}).
 *
 * @param warnAfter a statement that took longer is logged at WARN and counted with {@code level=warn}
 * @param alertAfter a statement that takes longer is logged at ERROR and counted with {@code level=alert} the
 *        moment it crosses this line, while it still runs; the shipped Prometheus rule pages on that counter
 */
@Validated
@ConfigurationProperties("vigil.sql.slow")
public record SlowStatementProperties(
        @DefaultValue("500ms") @NotNull Duration warnAfter,
        @DefaultValue("1s") @NotNull Duration alertAfter) {

    public SlowStatementProperties {
        if (warnAfter != null && alertAfter != null
                && (!warnAfter.isPositive() || alertAfter.compareTo(warnAfter) < 0)) {
            throw new IllegalArgumentException("vigil.sql.slow needs 0 < warn-after <= alert-after, got warn-after "
                    + warnAfter + " and alert-after " + alertAfter);
        }
    }
}
