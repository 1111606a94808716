package dev.vigil.alerting.domain;

import dev.vigil.alerting.api.AlertCategory;
import dev.vigil.alerting.api.AlertSeverity;
import dev.vigil.alerting.api.AlertTitles;
import dev.vigil.alerting.api.RaiseAlert;
import dev.vigil.billing.api.PaymentFailed;
import dev.vigil.billing.api.SubscriptionExpiring;
import dev.vigil.monitoring.api.ExposureDetected;
import dev.vigil.monitoring.api.ExposureReappeared;
import dev.vigil.monitoring.api.Severity;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;

/**
 * Raises alerts when something needs the user: a new exposure at or above the severity threshold, every
 * reappearing exposure, a failed payment, a subscription about to expire.
 * <p>
 * Each source event raises at most one alert, however often it is delivered (redelivery after a failed batch,
 * a reset of this processor's tokens): its event id is claimed in the processor's transaction before
 * {@link RaiseAlert} is sent. The command is handled in the same thread and unit of work (Axon's local command
 * bus), so the claim, the {@code AlertRaised} event and the processor's token commit together. If raising
 * fails, the failure is rethrown: the whole batch rolls back, claim included, and the processor retries it,
 * instead of committing a claim for an alert that was never raised.
 */
@ProcessingGroup(AlertPolicy.PROCESSING_GROUP)
public class AlertPolicy {

    public static final String PROCESSING_GROUP = "alerting-policy";

    private final CommandGateway commands;
    private final SourceEventClaims claims;
    private final Supplier<UUID> alertIds;
    private final Severity exposureThreshold;

    public AlertPolicy(CommandGateway commands, SourceEventClaims claims, Supplier<UUID> alertIds,
            Severity exposureThreshold) {
        this.commands = Objects.requireNonNull(commands);
        this.claims = Objects.requireNonNull(claims);
        this.alertIds = Objects.requireNonNull(alertIds);
        this.exposureThreshold = Objects.requireNonNull(exposureThreshold, "exposureThreshold");
    }

    @EventHandler
    void on(ExposureDetected event, @MessageIdentifier String eventId) {
        if (!event.severity().atLeast(exposureThreshold)) {
            return;
        }
        raise(eventId, event.userId(), AlertCategory.NEW_EXPOSURE, severityOf(event.severity()),
                AlertTitles.newExposure(event.dataTypes(), event.sourceName()), event.exposureId(), event.sourceName());
    }

    @EventHandler
    void on(ExposureReappeared event, @MessageIdentifier String eventId) {
        raise(eventId, event.userId(), AlertCategory.EXPOSURE_REAPPEARED, severityOf(event.severity()),
                AlertTitles.exposureReappeared(event.sourceName()), event.exposureId(), event.sourceName());
    }

    @EventHandler
    void on(PaymentFailed event, @MessageIdentifier String eventId) {
        raise(eventId, event.userId(), AlertCategory.PAYMENT_FAILED, AlertSeverity.HIGH,
                AlertTitles.paymentFailed(event.plan()), null, null);
    }

    @EventHandler
    void on(SubscriptionExpiring event, @MessageIdentifier String eventId) {
        raise(eventId, event.userId(), AlertCategory.SUBSCRIPTION_EXPIRING, AlertSeverity.MEDIUM,
                AlertTitles.subscriptionExpiring(event.plan(), event.expiresAt()), null, null);
    }

    private void raise(String sourceEventId, UUID userId, AlertCategory category, AlertSeverity severity,
            String title, UUID exposureId, String sourceName) {
        UUID alertId = alertIds.get();
        if (!claims.claim(sourceEventId, alertId)) {
            return; // this event raised its alert before
        }
        CompletableFuture<Object> handled =
                commands.send(new RaiseAlert(alertId, userId, category, severity, title, exposureId, sourceName));
        rethrowIfFailed(handled);
    }

    /**
     * The local command bus has handled the command by the time {@code send} returns, so this never waits. A
     * future still running would mean the command escaped this unit of work and its claim would commit alone.
     */
    private static void rethrowIfFailed(CompletableFuture<Object> handled) {
        if (!handled.isDone()) {
            throw new IllegalStateException("RaiseAlert was not handled in the policy's unit of work: "
                    + "alerting needs a local (synchronous) command bus");
        }
        try {
            handled.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    /** An exhaustive switch: a new monitoring severity fails the build here, not the processor at run time. */
    private static AlertSeverity severityOf(Severity severity) {
        return switch (severity) {
            case LOW -> AlertSeverity.LOW;
            case MEDIUM -> AlertSeverity.MEDIUM;
            case HIGH -> AlertSeverity.HIGH;
            case CRITICAL -> AlertSeverity.CRITICAL;
        };
    }
}
