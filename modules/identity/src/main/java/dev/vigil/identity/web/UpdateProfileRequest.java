package dev.vigil.identity.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code PUT /api/v1/me/profile}: the whole editable profile.
 */
record UpdateProfileRequest(
        @NotBlank @Size(max = 100) String displayName,
        @NotBlank @ValidTimeZone String timeZone) {

    UpdateProfileRequest {
        displayName = displayName == null ? null : displayName.strip();
        timeZone = timeZone == null ? null : timeZone.strip();
    }
}
