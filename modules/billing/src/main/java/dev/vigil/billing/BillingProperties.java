package dev.vigil.billing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * billing's settings ({@code vigil.billing.*}).
 */
@Validated
@ConfigurationProperties("vigil.billing")
public record BillingProperties(@DefaultValue @Valid Lifecycle lifecycle) {

    /**
     * The subscription lifecycle job: tells users whose subscription is about to lapse, and expires the
     * subscriptions whose period has ended. Every instance may run it: its commands are idempotent.
     *
     * @param enabled whether this instance runs the job on its schedule
     * @param interval pause between the end of one run and the start of the next
     * @param noticeAhead how long before a lapsing subscription's period end (trial, past due, cancelled) its
     *     user is told
     * @param renewalGrace how long after an ACTIVE subscription's period end the payment provider may still
     *     renew it before it expires
     * @param batchSize the most subscriptions noticed, and the most expired, in one run; the next run
     *     continues with the rest
     */
    public record Lifecycle(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("1m") @DurationMin(seconds = 1) Duration interval,
            @DefaultValue("3d") @DurationMin(minutes = 1) Duration noticeAhead,
            @DefaultValue("3d") @DurationMin(seconds = 0) Duration renewalGrace,
            @DefaultValue("200") @Min(1) @Max(10_000) int batchSize) {
    }
}
