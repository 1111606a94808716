package dev.vigil.identity.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /internal/v1/users}. Surrounding white space is not part of any field.
 */
record RegisterUserRequest(
        @NotBlank @ValidEmailAddress String email,
        @NotBlank @Size(max = 100) String displayName,
        @NotBlank @ValidTimeZone String timeZone) {

    RegisterUserRequest {
        email = email == null ? null : email.strip();
        displayName = displayName == null ? null : displayName.strip();
        timeZone = timeZone == null ? null : timeZone.strip();
    }
}
