package dev.vigil.platform.idempotency;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param retention how long a key and its response are kept: longer than any client's retry window
 * @param abandonedAfter a key whose first request has not finished after this long is taken over by a
 *        retry (the first one died with its instance); longer than any request can run
 * @param maxBodyBytes requests with a key and a larger body are refused rather than buffered
 */
@Validated
@ConfigurationProperties("vigil.idempotency")
public record IdempotencyProperties(
        @DefaultValue("24h") @NotNull Duration retention,
        @DefaultValue("60s") @NotNull Duration abandonedAfter,
        @DefaultValue("1048576") int maxBodyBytes) {
}
