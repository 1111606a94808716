package dev.vigil.platform.security;

import dev.vigil.platform.web.CurrentUser;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Endpoints in each protected area, for the security tests. */
@RestController
class SecurityProbeController {

    @GetMapping("/api/v1/probe")
    Map<String, UUID> user(@CurrentUser UUID userId) {
        return Map.of("userId", userId);
    }

    @GetMapping("/internal/v1/probe")
    Map<String, String> internal() {
        return Map.of("area", "internal");
    }

    @GetMapping("/unlisted/probe")
    Map<String, String> unlisted() {
        return Map.of("area", "none");
    }
}
