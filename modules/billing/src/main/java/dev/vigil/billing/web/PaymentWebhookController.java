package dev.vigil.billing.web;

import dev.vigil.billing.api.RecordPaymentFailure;
import dev.vigil.billing.api.RenewSubscription;
import dev.vigil.platform.axon.ConsistentCommandGateway;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The payment provider's webhooks, relayed by the web app with a service token. Redelivery is harmless:
 * a renewal that does not move the period end, and a second failure in a period, change nothing.
 */
@RestController
@RequestMapping("/internal/v1/billing/users/{userId}")
class PaymentWebhookController {

    private final ConsistentCommandGateway commands;

    PaymentWebhookController(ConsistentCommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping("/renewals")
    SubscriptionReference renewed(@PathVariable UUID userId, @Valid @RequestBody RenewalRequest request) {
        commands.send(new RenewSubscription(userId, request.periodEnd()));
        return SubscriptionReference.of(userId);
    }

    @PostMapping("/payment-failures")
    SubscriptionReference paymentFailed(@PathVariable UUID userId, @Valid @RequestBody PaymentFailureRequest request) {
        commands.send(new RecordPaymentFailure(userId, request.reason()));
        return SubscriptionReference.of(userId);
    }
}
