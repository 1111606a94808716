package dev.vigil.monitoring.web;

import dev.vigil.monitoring.api.ExposureStatus;
import dev.vigil.monitoring.api.RequestRemoval;
import dev.vigil.platform.axon.ConsistentCommandGateway;
import dev.vigil.platform.web.CurrentUser;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller asks for one of their exposures to be removed: {@code POST /api/v1/exposures/{id}/removal-request}.
 * 202: the removal itself happens later, at the source. Asking again while it is pending is a no-op.
 */
@RestController
class RemovalRequestController {

    private final ConsistentCommandGateway commands;

    RemovalRequestController(ConsistentCommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping("/api/v1/exposures/{exposureId}/removal-request")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ExposureStatusResponse requestRemoval(@CurrentUser UUID userId, @PathVariable UUID exposureId) {
        ExposureStatus status = commands.send(new RequestRemoval(exposureId, userId));
        return new ExposureStatusResponse(exposureId, status);
    }
}
