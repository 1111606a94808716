package dev.vigil.billing.web;

import dev.vigil.billing.api.CancelSubscription;
import dev.vigil.billing.api.ChangePlan;
import dev.vigil.billing.api.StartSubscription;
import dev.vigil.platform.axon.ConsistentCommandGateway;
import dev.vigil.platform.web.CurrentUser;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own subscription. A second start is a 409 (one subscription per user is the natural key);
 * the same plan again and a second cancellation change nothing and answer 200.
 */
@RestController
@RequestMapping("/api/v1/subscription")
class SubscriptionController {

    /** Where the read API (issue 4) serves the caller's subscription. */
    private static final URI SUBSCRIPTION_VIEW = URI.create("/api/v1/me/subscription");

    private final ConsistentCommandGateway commands;

    SubscriptionController(ConsistentCommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping
    ResponseEntity<SubscriptionReference> start(@CurrentUser UUID userId,
            @Valid @RequestBody StartSubscriptionRequest request) {
        commands.send(new StartSubscription(userId, request.plan(), request.trial()));
        return ResponseEntity.created(SUBSCRIPTION_VIEW).body(SubscriptionReference.of(userId));
    }

    @PutMapping("/plan")
    SubscriptionReference changePlan(@CurrentUser UUID userId, @Valid @RequestBody ChangePlanRequest request) {
        commands.send(new ChangePlan(userId, request.plan()));
        return SubscriptionReference.of(userId);
    }

    @PostMapping("/cancellation")
    SubscriptionReference cancel(@CurrentUser UUID userId) {
        commands.send(new CancelSubscription(userId));
        return SubscriptionReference.of(userId);
    }
}
