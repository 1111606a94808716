package dev.vigil.identity.web;

import dev.vigil.identity.api.RegisterUser;
import dev.vigil.platform.axon.ConsistentCommandGateway;
import dev.vigil.platform.id.TimeOrderedIds;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Registration: {@code POST /internal/v1/users}, called by the web app's back end (service token) when
 * someone signs up; the returned id is the subject of the user tokens the web app then mints.
 */
@RestController
@RequestMapping("/internal/v1/users")
class UserRegistrationController {

    private final ConsistentCommandGateway commands;

    UserRegistrationController(ConsistentCommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping
    ResponseEntity<Map<String, UUID>> register(@Valid @RequestBody RegisterUserRequest request) {
        UUID userId = TimeOrderedIds.next();
        commands.send(new RegisterUser(userId, request.email(), request.displayName(), request.timeZone()));
        return ResponseEntity.created(URI.create("/internal/v1/users/" + userId)).body(Map.of("id", userId));
    }
}
