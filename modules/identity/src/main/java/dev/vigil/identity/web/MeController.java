package dev.vigil.identity.web;

import dev.vigil.identity.query.UserProfileQueries;
import dev.vigil.identity.query.UserProfileView;
import dev.vigil.platform.web.CurrentUser;
import dev.vigil.platform.web.NotFound;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/me}: the caller's profile. */
@RestController
class MeController {

    private final UserProfileQueries profiles;

    MeController(UserProfileQueries profiles) {
        this.profiles = profiles;
    }

    @GetMapping("/api/v1/me")
    UserProfileView me(@CurrentUser UUID userId) {
        return profiles.find(userId).orElseThrow(NotFound::new);
    }
}
