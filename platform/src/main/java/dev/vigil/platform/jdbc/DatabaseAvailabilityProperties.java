package dev.vigil.platform.jdbc;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How {@link DatabaseAvailability} probes the primary database (docs/reliability.md, "The database gone").
 *
 * @param interval between probes while the database answers: the longest a vanished idle database goes unnoticed
 * @param intervalWhileDown between probes while it does not: the longest requests stay refused after it is back
 * @param answerTimeout how long a probe waits for its answer before it calls the database gone (connecting: at least
 *        1 s, the driver counts whole seconds)
 */
@Validated
@ConfigurationProperties("vigil.database.probe")
public record DatabaseAvailabilityProperties(
        @DefaultValue("500ms") @NotNull Duration interval,
        @DefaultValue("200ms") @NotNull Duration intervalWhileDown,
        @DefaultValue("500ms") @NotNull Duration answerTimeout) {
}
