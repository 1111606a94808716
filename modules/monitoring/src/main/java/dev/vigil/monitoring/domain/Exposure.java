package dev.vigil.monitoring.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.vigil.monitoring.api.ConfirmRemoval;
import dev.vigil.monitoring.api.ExposureDetected;
import dev.vigil.monitoring.api.ExposureReappeared;
import dev.vigil.monitoring.api.ExposureStatus;
import dev.vigil.monitoring.api.FailRemoval;
import dev.vigil.monitoring.api.FindingOutcome;
import dev.vigil.monitoring.api.RemovalConfirmed;
import dev.vigil.monitoring.api.RemovalFailed;
import dev.vigil.monitoring.api.RemovalRequested;
import dev.vigil.monitoring.api.RequestRemoval;
import dev.vigil.platform.input.TextPolicy;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One finding of a user's data on a source, event-sourced, and its removal:
 * <pre>
 * ACTIVE ──request──► REMOVAL_REQUESTED ──confirm──► REMOVED
 *   ▲                    │          ▲                   │
 *   │                   fail        └──request──┐       │ reported again
 *   │                    ▼                      │       │
 *   │              REMOVAL_FAILED ──────────────┘       │
 *   └───────────────────────────────────────────────────┘
 * </pre>
 * Created by {@link ExposureIntake}, which also deduplicates findings.
 */
@Aggregate
public class Exposure {

    /** Longest failure reason kept, in characters (code points): the width of {@code exposure_feed.last_failure_reason}. */
    public static final int MAX_REASON_LENGTH = 500;

    @AggregateIdentifier
    private UUID exposureId;
    private UUID userId;
    private String sourceName;
    private ExposureStatus status;

    protected Exposure() {
        // for Axon's event sourcing
    }

    /** A finding not reported before for this user. */
    Exposure(UUID exposureId, UUID userId, Finding finding) {
        apply(new ExposureDetected(exposureId, userId, finding.sourceName(), finding.sourceKind(),
                finding.dataTypes(), finding.severity(), finding.foundAt(), now()));
    }

    /** The same finding was reported again: only a removed exposure changes (it is back). */
    FindingOutcome reportAgain(Finding finding) {
        if (status != ExposureStatus.REMOVED) {
            return FindingOutcome.DUPLICATE;
        }
        apply(new ExposureReappeared(exposureId, userId, sourceName, finding.severity(), finding.foundAt(), now()));
        return FindingOutcome.REAPPEARED;
    }

    @CommandHandler
    public ExposureStatus handle(RequestRemoval command) {
        if (!userId.equals(command.userId())) {
            throw new ExposureNotFound(command.exposureId());
        }
        switch (status) {
            case ACTIVE, REMOVAL_FAILED -> apply(new RemovalRequested(exposureId, userId, now()));
            case REMOVAL_REQUESTED -> {
                // asked already: a retried request changes nothing
            }
            case REMOVED -> throw new RemovalNotAllowed(exposureId, "request removal of", status);
        }
        return status;
    }

    @CommandHandler
    public ExposureStatus handle(ConfirmRemoval command) {
        switch (status) {
            case REMOVAL_REQUESTED -> apply(new RemovalConfirmed(exposureId, userId, now()));
            case REMOVED -> {
                // confirmed already: a retried confirmation changes nothing
            }
            case ACTIVE, REMOVAL_FAILED -> throw new RemovalNotAllowed(exposureId, "confirm removal of", status);
        }
        return status;
    }

    @CommandHandler
    public ExposureStatus handle(FailRemoval command) {
        String reason = TextPolicy.require("reason", command.reason(), MAX_REASON_LENGTH);
        if (status != ExposureStatus.REMOVAL_REQUESTED) {
            throw new RemovalNotAllowed(exposureId, "fail removal of", status);
        }
        apply(new RemovalFailed(exposureId, userId, reason, now()));
        return status;
    }

    private static Instant now() {
        return Instant.now(GenericEventMessage.clock);
    }

    @EventSourcingHandler
    void on(ExposureDetected event) {
        this.exposureId = event.exposureId();
        this.userId = event.userId();
        this.sourceName = event.sourceName();
        this.status = ExposureStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(ExposureReappeared event) {
        this.status = ExposureStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(RemovalRequested event) {
        this.status = ExposureStatus.REMOVAL_REQUESTED;
    }

    @EventSourcingHandler
    void on(RemovalConfirmed event) {
        this.status = ExposureStatus.REMOVED;
    }

    @EventSourcingHandler
    void on(RemovalFailed event) {
        this.status = ExposureStatus.REMOVAL_FAILED;
    }
}
