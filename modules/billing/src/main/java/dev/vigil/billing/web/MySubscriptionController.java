package dev.vigil.billing.web;

import dev.vigil.billing.query.SubscriptionQueries;
import dev.vigil.billing.query.SubscriptionView;
import dev.vigil.platform.web.CurrentUser;
import dev.vigil.platform.web.NotFound;
import dev.vigil.platform.response.JsonResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/me/subscription}: the caller's subscription; 404 when they never started one. */
@RestController
class MySubscriptionController {

    private final SubscriptionQueries subscriptions;

    MySubscriptionController(SubscriptionQueries subscriptions) {
        this.subscriptions = subscriptions;
    }

    @GetMapping("/api/v1/me/subscription")
    ResponseEntity<JsonResponse<SubscriptionView>> mine(@CurrentUser UUID userId, HttpServletRequest request) {
        return subscriptions.find(userId).orElseThrow(NotFound::new).ok(request);
    }
}
