package dev.vigil.billing.lifecycle;

import dev.vigil.billing.BillingProperties;
import dev.vigil.billing.api.Expire;
import dev.vigil.billing.api.NoticeExpiry;
import dev.vigil.platform.axon.ConsistentCommandGateway;
import dev.vigil.platform.axon.WriteNotConfirmedException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One run of the lifecycle job at a given instant: sends {@link NoticeExpiry} for subscriptions that lapse
 * within {@code notice-ahead}, then {@link Expire} for those whose period has ended (ACTIVE ones only after
 * {@code renewal-grace}), at most {@code batch-size} of each.
 * <p>
 * The aggregate decides: a command for a subscription that was noticed, renewed or expired meanwhile (by
 * another instance running the same job) emits nothing, and two instances appending at once conflict on the
 * event store's key, so one of them gets a {@link ConcurrencyException}, which is counted and skipped.
 */
@Component
class SubscriptionLifecycleJob {

    static final String COMMANDS_METER = "vigil.billing.lifecycle.commands";
    private static final Logger log = LoggerFactory.getLogger(SubscriptionLifecycleJob.class);

    private final LifecycleCandidates candidates;
    private final ConsistentCommandGateway commands;
    private final BillingProperties.Lifecycle settings;
    private final MeterRegistry meters;

    SubscriptionLifecycleJob(LifecycleCandidates candidates, ConsistentCommandGateway commands,
            BillingProperties properties, MeterRegistry meters) {
        this.candidates = candidates;
        this.commands = commands;
        this.settings = properties.lifecycle();
        this.meters = meters;
    }

    /** What one run did: commands sent (whether or not they changed anything) and commands that failed. */
    record Run(int notices, int expiries, int failures) {
    }

    Run run(Instant now) {
        List<UUID> toNotice = candidates.dueForNotice(now, now.plus(settings.noticeAhead()), settings.batchSize());
        int noticeFailures = sendEach("notice", toNotice, NoticeExpiry::new);
        List<UUID> toExpire = candidates.dueForExpiry(now, now.minus(settings.renewalGrace()), settings.batchSize());
        int expiryFailures = sendEach("expire", toExpire, Expire::new);

        Run run = new Run(toNotice.size(), toExpire.size(), noticeFailures + expiryFailures);
        if (!toNotice.isEmpty() || !toExpire.isEmpty()) {
            log.info("event=billing_lifecycle_run now={} notices={} expiries={} failures={} more_due={}", now,
                    run.notices(), run.expiries(), run.failures(),
                    toNotice.size() == settings.batchSize() || toExpire.size() == settings.batchSize());
        }
        return run;
    }

    private int sendEach(String command, List<UUID> userIds, Function<UUID, Object> toCommand) {
        int failures = 0;
        for (UUID userId : userIds) {
            try {
                commands.send(toCommand.apply(userId));
                counter(command, "sent").increment();
            } catch (WriteNotConfirmedException e) {
                // committed; only the read models had not applied it when the wait ended (a segment changing hands)
                counter(command, "sent").increment();
            } catch (ConcurrencyException e) {
                // another instance changed this subscription at the same moment; the next run sees the result
                failures++;
                counter(command, "conflict").increment();
                log.info("event=billing_lifecycle_conflict command={} user_id={}", command, userId);
            } catch (RuntimeException e) {
                failures++;
                counter(command, "failed").increment();
                log.warn("event=billing_lifecycle_failure command={} user_id={} error=\"{}\"", command, userId, e.toString(), e);
            }
        }
        return failures;
    }

    private Counter counter(String command, String outcome) {
        return Counter.builder(COMMANDS_METER)
                .description("Commands sent by billing's subscription lifecycle job, by command and outcome")
                .tag("module", "billing")
                .tag("command", command)
                .tag("outcome", outcome)
                .register(meters);
    }
}
