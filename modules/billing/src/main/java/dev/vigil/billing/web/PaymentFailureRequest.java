package dev.vigil.billing.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /internal/v1/billing/users/{userId}/payment-failures}: the provider's reason, as shown
 * to the user (for example "card declined").
 */
record PaymentFailureRequest(@NotBlank @Size(max = 200) String reason) {

    PaymentFailureRequest {
        reason = reason == null ? null : reason.strip();
    }
}
