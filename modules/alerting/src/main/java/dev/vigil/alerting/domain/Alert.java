package dev.vigil.alerting.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.vigil.alerting.api.AlertCategory;
import dev.vigil.alerting.api.AlertDismissed;
import dev.vigil.alerting.api.AlertRaised;
import dev.vigil.alerting.api.AlertRead;
import dev.vigil.alerting.api.AlertStatus;
import dev.vigil.alerting.api.AlertTitles;
import dev.vigil.alerting.api.DismissAlert;
import dev.vigil.alerting.api.RaiseAlert;
import dev.vigil.alerting.api.ReadAlert;
import dev.vigil.monitoring.api.ExposureDetected;
import dev.vigil.platform.input.TextPolicy;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One alert of one user, event-sourced: raised UNREAD, then read and/or dismissed (final).
 * Reading or dismissing twice is not an error and changes nothing. Its title and source name keep the platform's
 * text policy: the policy that raises alerts only copies text monitoring has already checked, so a refusal here means
 * a bug upstream, and it must stop the alert rather than store an event the alert list cannot apply.
 */
@Aggregate
public class Alert {

    private static final Set<AlertCategory> EXPOSURE_CATEGORIES =
            EnumSet.of(AlertCategory.NEW_EXPOSURE, AlertCategory.EXPOSURE_REAPPEARED);

    @AggregateIdentifier
    private UUID alertId;
    private UUID userId;
    private AlertStatus status;

    protected Alert() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public Alert(RaiseAlert command, UserAlertLock lock) {
        requireComplete(command);
        String title = TextPolicy.require("title", command.title(), AlertTitles.MAX_LENGTH);
        String sourceName = command.sourceName() == null ? null
                : TextPolicy.require("sourceName", command.sourceName(), ExposureDetected.MAX_SOURCE_NAME_LENGTH);
        lock.lock(command.userId());
        apply(new AlertRaised(command.alertId(), command.userId(), command.category(), command.severity(), title,
                command.exposureId(), sourceName, now()));
    }

    @CommandHandler
    void handle(ReadAlert command, UserAlertLock lock, MarkAllReadHistory inbox) {
        requireOwner(command.alertId(), command.userId());
        if (status != AlertStatus.UNREAD) {
            return;
        }
        lock.lock(userId);
        if (inbox.markedAllReadAfter(userId, alertId)) {
            return; // already read by "mark all read"
        }
        apply(new AlertRead(alertId, userId, now()));
    }

    @CommandHandler
    void handle(DismissAlert command, UserAlertLock lock) {
        requireOwner(command.alertId(), command.userId());
        if (status == AlertStatus.DISMISSED) {
            return;
        }
        lock.lock(userId);
        apply(new AlertDismissed(alertId, userId, now()));
    }

    @EventSourcingHandler
    void on(AlertRaised event) {
        this.alertId = event.alertId();
        this.userId = event.userId();
        this.status = AlertStatus.UNREAD;
    }

    @EventSourcingHandler
    void on(AlertRead event) {
        this.status = AlertStatus.READ;
    }

    @EventSourcingHandler
    void on(AlertDismissed event) {
        this.status = AlertStatus.DISMISSED;
    }

    /**
     * A missing alert, another user's alert, and an id whose stream is not an alert at all (nothing was sourced)
     * are rejected alike.
     */
    private void requireOwner(UUID requestedAlertId, UUID requestingUserId) {
        if (userId == null || !userId.equals(requestingUserId)) {
            throw new AlertNotFound(requestedAlertId);
        }
    }

    private static void requireComplete(RaiseAlert command) {
        require(command.alertId() != null, "alertId is required");
        require(command.userId() != null, "userId is required");
        require(command.category() != null, "category is required");
        require(command.severity() != null, "severity is required");
        boolean aboutExposure = EXPOSURE_CATEGORIES.contains(command.category());
        require(aboutExposure == (command.exposureId() != null),
                "exposureId is required for exposure alerts and only for them");
        require(aboutExposure == (command.sourceName() != null),
                "sourceName is required for exposure alerts and only for them");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    private static Instant now() {
        return Instant.now(GenericEventMessage.clock);
    }
}
