package dev.vigil.monitoring.web;

import dev.vigil.monitoring.api.ConfirmRemoval;
import dev.vigil.monitoring.api.ExposureStatus;
import dev.vigil.monitoring.api.FailRemoval;
import dev.vigil.platform.axon.ConsistentCommandGateway;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The removal service reports what a source did with a removal request (service token).
 */
@RestController
@RequestMapping("/internal/v1/monitoring/exposures/{exposureId}")
class RemovalOutcomeController {

    private final ConsistentCommandGateway commands;

    RemovalOutcomeController(ConsistentCommandGateway commands) {
        this.commands = commands;
    }

    /** The source removed the data. Confirming again is a no-op. */
    @PostMapping("/removal-confirmation")
    ExposureStatusResponse confirm(@PathVariable UUID exposureId) {
        ExposureStatus status = commands.send(new ConfirmRemoval(exposureId));
        return new ExposureStatusResponse(exposureId, status);
    }

    /** The source refused or did not act; the user may request removal again. */
    @PostMapping("/removal-failure")
    ExposureStatusResponse fail(@PathVariable UUID exposureId, @Valid @RequestBody FailRemovalRequest request) {
        ExposureStatus status = commands.send(new FailRemoval(exposureId, request.reason()));
        return new ExposureStatusResponse(exposureId, status);
    }
}
