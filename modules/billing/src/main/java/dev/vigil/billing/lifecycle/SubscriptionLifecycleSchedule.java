package dev.vigil.billing.lifecycle;

import java.time.Instant;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the lifecycle job every {@code vigil.billing.lifecycle.interval} (default 1 minute) unless
 * {@code vigil.billing.lifecycle.enabled=false}. Runs do not overlap on one instance.
 */
@Component
@ConditionalOnProperty(name = "vigil.billing.lifecycle.enabled", havingValue = "true", matchIfMissing = true)
class SubscriptionLifecycleSchedule {

    private final SubscriptionLifecycleJob job;

    SubscriptionLifecycleSchedule(SubscriptionLifecycleJob job) {
        this.job = job;
    }

    /** The event clock, so the job and the aggregate (which checks the period end itself) agree on "now". */
    @Scheduled(initialDelayString = "${vigil.billing.lifecycle.interval:1m}",
            fixedDelayString = "${vigil.billing.lifecycle.interval:1m}")
    void runNow() {
        job.run(Instant.now(GenericEventMessage.clock));
    }
}
