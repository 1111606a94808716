package dev.vigil.dashboard.web;

import dev.vigil.dashboard.query.DashboardQueries;
import dev.vigil.dashboard.query.DashboardView;
import dev.vigil.platform.web.CurrentUser;
import dev.vigil.platform.web.NotFound;
import dev.vigil.platform.response.JsonResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/dashboard}: the caller's summary row, with an ETag (304 when {@code If-None-Match} names it). */
@RestController
class DashboardController {

    private final DashboardQueries dashboards;

    DashboardController(DashboardQueries dashboards) {
        this.dashboards = dashboards;
    }

    @GetMapping("/api/v1/dashboard")
    ResponseEntity<JsonResponse<DashboardView>> mine(@CurrentUser UUID userId, HttpServletRequest request) {
        return dashboards.find(userId).orElseThrow(NotFound::new).ok(request);
    }
}
