package dev.vigil.identity.web;

import dev.vigil.identity.api.UpdateProfile;
import dev.vigil.platform.axon.ConsistentCommandGateway;
import dev.vigil.platform.web.CurrentUser;
import jakarta.validation.Valid;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own profile: {@code PUT /api/v1/me/profile}. Idempotent: the same body twice changes nothing.
 */
@RestController
@RequestMapping("/api/v1/me/profile")
class ProfileController {

    private final ConsistentCommandGateway commands;

    ProfileController(ConsistentCommandGateway commands) {
        this.commands = commands;
    }

    @PutMapping
    Map<String, UUID> update(@CurrentUser UUID userId, @Valid @RequestBody UpdateProfileRequest request) {
        commands.send(new UpdateProfile(userId, request.displayName(), request.timeZone()));
        return Map.of("id", userId);
    }
}
