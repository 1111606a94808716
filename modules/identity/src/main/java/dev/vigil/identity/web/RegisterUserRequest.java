package dev.vigil.identity.web;

import dev.vigil.identity.domain.EmailAddress;
import dev.vigil.identity.domain.User;
import dev.vigil.platform.input.SafeText;
import jakarta.validation.constraints.NotBlank;

/**
 * Body of {@code POST /internal/v1/users}. Surrounding white space is not part of any field; every field keeps the
 * platform's text policy (docs/api-conventions.md), as the aggregate does.
 */
record RegisterUserRequest(
        @NotBlank @SafeText(max = EmailAddress.MAX_LENGTH) @ValidEmailAddress String email,
        @NotBlank @SafeText(max = User.MAX_DISPLAY_NAME_LENGTH) String displayName,
        @NotBlank @SafeText(max = User.MAX_TIME_ZONE_LENGTH) @ValidTimeZone String timeZone) {

    RegisterUserRequest {
        email = email == null ? null : email.strip();
        displayName = displayName == null ? null : displayName.strip();
        timeZone = timeZone == null ? null : timeZone.strip();
    }
}
