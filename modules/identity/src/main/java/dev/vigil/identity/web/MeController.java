package dev.vigil.identity.web;

import dev.vigil.identity.query.UserProfileQueries;
import dev.vigil.identity.query.UserProfileView;
import dev.vigil.platform.web.CurrentUser;
import dev.vigil.platform.web.NotFound;
import dev.vigil.platform.response.JsonResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/me}: the caller's profile, with an ETag (304 when {@code If-None-Match} names it). */
@RestController
class MeController {

    private final UserProfileQueries profiles;

    MeController(UserProfileQueries profiles) {
        this.profiles = profiles;
    }

    @GetMapping("/api/v1/me")
    ResponseEntity<JsonResponse<UserProfileView>> me(@CurrentUser UUID userId, HttpServletRequest request) {
        return profiles.find(userId).orElseThrow(NotFound::new).ok(request);
    }
}
