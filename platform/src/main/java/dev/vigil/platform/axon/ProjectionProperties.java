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
 * @param readYourWritesTimeout how long a command waits for the read models to apply its events (then: 503)
 * @param deadLetterCountInterval how often the dead letters of every processor are counted for the metrics
 * @param claimInterval how often a processor looks for segments to claim or release (its fair share); also how often
 *     an idle segment's claim is extended, well within the token store's claim timeout
 * @param heartbeatInterval how often an instance refreshes its row in {@code axon.projection_instance}
 * @param instanceLiveness an instance whose row is older than this counts as gone: its share goes to the others
 * @param appendPollInterval how often the event store is asked for events appended by other instances (appends on
 *     this instance wake the processors at once)
 * @param tokenPollInterval how often a write that waits for a segment held elsewhere reads the token store
 * @param rebuildStreamTimeout the longest a rebuild's progress stream stays open (then it ends with a line saying
 *     so; the replay goes on): its own limit, far above a realistic replay, instead of the container's 30 s default
 *     for asynchronous requests, which cut every rebuild longer than that
 */
@Validated
@ConfigurationProperties("vigil.projections")
public record ProjectionProperties(
        @DefaultValue("4") @Min(1) @Max(16) int workerThreads,
        @DefaultValue("4") @Min(1) @Max(64) int segments,
        @DefaultValue("100") @Min(1) @Max(10_000) int batchSize,
        @DefaultValue("1024") @Min(16) int prefetch,
        @DefaultValue("2s") @NotNull Duration readYourWritesTimeout,
        @DefaultValue("15s") @NotNull Duration deadLetterCountInterval,
        @DefaultValue("1s") @NotNull Duration claimInterval,
        @DefaultValue("1s") @NotNull Duration heartbeatInterval,
        @DefaultValue("3s") @NotNull Duration instanceLiveness,
        @DefaultValue("20ms") @NotNull Duration appendPollInterval,
        @DefaultValue("5ms") @NotNull Duration tokenPollInterval,
        @DefaultValue("2h") @NotNull Duration rebuildStreamTimeout) {

    public ProjectionProperties {
        if (rebuildStreamTimeout != null && (rebuildStreamTimeout.isNegative() || rebuildStreamTimeout.isZero())) {
            throw new IllegalArgumentException(
                    "vigil.projections.rebuild-stream-timeout must be positive, got " + rebuildStreamTimeout);
        }
    }
}
