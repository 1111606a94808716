package dev.vigil.platform.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How many requests one instance works on at once (docs/performance.md, "Admission"), and how many of those one
 * group of routes may hold (docs/reliability.md, "Bulkheads").
 *
 * @param maxActive requests served side by side; the rest wait their turn in arrival order. Virtual threads
 *        would otherwise start every arrival at once and share the CPU between all of them, so a burst finishes
 *        nothing until it has nearly finished everything, and the pools' timeouts fire on CPU starvation
 * @param maxWait how long a request may wait for its turn before it is answered 503 with {@code Retry-After}
 * @param group the bulkhead between groups of routes
 */
@Validated
@ConfigurationProperties("vigil.web.admission")
public record AdmissionProperties(
        @DefaultValue("32") @Min(1) int maxActive,
        @DefaultValue("5s") @NotNull Duration maxWait,
        @DefaultValue @Valid Group group) {

    /**
     * A group of routes is the longest of {@code prefixes} a request's path starts with (whole segments), or
     * {@code other}. Each group holds at most {@code maxActive} of the instance's turns, so a stall in what one group
     * reads (a locked table) keeps its requests, and their connections, to that share.
     *
     * @param maxActive turns one group may hold; below the pool's 20 connections, so a stalled group leaves the
     *        others connections as well as turns
     * @param slowAfter a group most of whose recent requests failed after being served this long is stalled (requests
     *        waiting on a lock fail after the 500 ms lock timeout) rather than busy
     * @param maxWaitWhenSlow how long a request waits for its group's turn while the group is stalled (otherwise it
     *        waits up to {@code vigil.web.admission.max-wait}, as a burst needs): its caller hears 503 soon instead
     *        of queueing behind requests that are themselves waiting on a lock
     * @param prefixes the groups
     */
    public record Group(
            @DefaultValue("12") @Min(1) int maxActive,
            @DefaultValue("250ms") @NotNull Duration slowAfter,
            @DefaultValue("200ms") @NotNull Duration maxWaitWhenSlow,
            @DefaultValue({"/api/v1/alerts", "/api/v1/dashboard", "/api/v1/exposures", "/api/v1/me",
                    "/api/v1/subscription", "/internal/v1/monitoring", "/internal/v1/billing", "/internal/v1/users",
                    "/admin", "/loadtest"}) @NotEmpty List<String> prefixes) {
    }
}
