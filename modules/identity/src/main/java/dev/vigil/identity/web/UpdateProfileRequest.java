package dev.vigil.identity.web;

import dev.vigil.identity.domain.User;
import dev.vigil.platform.input.SafeText;
import jakarta.validation.constraints.NotBlank;

/**
 * Body of {@code PUT /api/v1/me/profile}: the whole editable profile. Both fields keep the platform's text policy
 * (docs/api-conventions.md), as the aggregate does.
 */
record UpdateProfileRequest(
        @NotBlank @SafeText(max = User.MAX_DISPLAY_NAME_LENGTH) String displayName,
        @NotBlank @SafeText(max = User.MAX_TIME_ZONE_LENGTH) @ValidTimeZone String timeZone) {

    UpdateProfileRequest {
        displayName = displayName == null ? null : displayName.strip();
        timeZone = timeZone == null ? null : timeZone.strip();
    }
}
