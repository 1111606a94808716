package dev.vigil.platform.web;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How many requests one instance works on at once (docs/performance.md, "Admission").
 *
 * @param maxActive requests served side by side; the rest wait their turn in arrival order. Virtual threads
 *        would otherwise start every arrival at once and share the CPU between all of them, so a burst finishes
 *        nothing until it has nearly finished everything, and the pools' timeouts fire on CPU starvation
 * @param maxWait how long a request may wait for its turn before it is answered 503 with {@code Retry-After}
 */
@Validated
@ConfigurationProperties("vigil.web.admission")
public record AdmissionProperties(
        @DefaultValue("32") @Min(1) int maxActive,
        @DefaultValue("5s") @NotNull Duration maxWait) {
}
