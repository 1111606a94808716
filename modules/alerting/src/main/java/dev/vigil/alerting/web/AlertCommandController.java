package dev.vigil.alerting.web;

import dev.vigil.alerting.api.DismissAlert;
import dev.vigil.alerting.api.MarkAllAlertsRead;
import dev.vigil.alerting.api.ReadAlert;
import dev.vigil.platform.axon.ConsistentCommandGateway;
import dev.vigil.platform.web.CurrentUser;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the user does with their alerts. Each request is safe to retry as it is: reading a read alert or
 * dismissing a dismissed one changes nothing, and a second "read all" finds nothing unread. Answers after the
 * alert list on this instance shows the change.
 */
@RestController
@RequestMapping("/api/v1/alerts")
class AlertCommandController {

    private final ConsistentCommandGateway commands;

    AlertCommandController(ConsistentCommandGateway commands) {
        this.commands = commands;
    }

    /** 200 with the alert's id; 404 if the caller has no such alert. */
    @PostMapping("/{alertId}/read")
    Map<String, UUID> read(@PathVariable UUID alertId, @CurrentUser UUID userId) {
        commands.send(new ReadAlert(alertId, userId));
        return Map.of("id", alertId);
    }

    /** 200 with the alert's id; 404 if the caller has no such alert. */
    @PostMapping("/{alertId}/dismissal")
    Map<String, UUID> dismiss(@PathVariable UUID alertId, @CurrentUser UUID userId) {
        commands.send(new DismissAlert(alertId, userId));
        return Map.of("id", alertId);
    }

    /** 204: one command and one event, however many alerts were unread. */
    @PostMapping("/read-all")
    ResponseEntity<Void> readAll(@CurrentUser UUID userId) {
        commands.send(new MarkAllAlertsRead(userId));
        return ResponseEntity.noContent().build();
    }
}
