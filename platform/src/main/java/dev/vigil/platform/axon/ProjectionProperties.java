package dev.vigil.platform.axon;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How read models are built (docs/projections.md).
 *
 * @param workerThreads threads shared by all processors: at most this many projection transactions hold
 *     a pooled connection at once, leaving the rest of the pool to requests
 * @param segments initial segments per processor: the unit of parallelism across threads and instances
 * @param batchSize events applied per projection transaction when a processor is behind
 * @param prefetch events buffered ahead per processor stream
 * @param readYourWritesTimeout how long a command waits for this instance's read models to apply its events
 * @param deadLetterCountInterval how often the dead letters of every processor are counted for the metrics
 */
@Validated
@ConfigurationProperties("vigil.projections")
public record ProjectionProperties(
        @DefaultValue("4") @Min(1) @Max(16) int workerThreads,
        @DefaultValue("4") @Min(1) @Max(64) int segments,
        @DefaultValue("100") @Min(1) @Max(10_000) int batchSize,
        @DefaultValue("1024") @Min(16) int prefetch,
        @DefaultValue("2s") @NotNull Duration readYourWritesTimeout,
        @DefaultValue("15s") @NotNull Duration deadLetterCountInterval) {
}
