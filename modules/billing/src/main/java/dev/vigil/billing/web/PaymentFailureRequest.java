package dev.vigil.billing.web;

import dev.vigil.billing.domain.Subscription;
import dev.vigil.platform.input.SafeText;
import jakarta.validation.constraints.NotBlank;

/**
 * Body of {@code POST /internal/v1/billing/users/{userId}/payment-failures}: the provider's reason, as shown
 * to the user (for example "card declined"), within the platform's text policy (docs/api-conventions.md).
 */
record PaymentFailureRequest(@NotBlank @SafeText(max = Subscription.MAX_PAYMENT_FAILURE_REASON_LENGTH) String reason) {

    PaymentFailureRequest {
        reason = reason == null ? null : reason.strip();
    }
}
