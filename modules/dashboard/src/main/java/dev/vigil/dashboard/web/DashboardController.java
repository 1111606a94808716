package dev.vigil.dashboard.web;

import dev.vigil.dashboard.query.DashboardQueries;
import dev.vigil.dashboard.query.DashboardView;
import dev.vigil.platform.web.CurrentUser;
import dev.vigil.platform.web.NotFound;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/dashboard}: the caller's summary row. */
@RestController
class DashboardController {

    private final DashboardQueries dashboards;

    DashboardController(DashboardQueries dashboards) {
        this.dashboards = dashboards;
    }

    @GetMapping("/api/v1/dashboard")
    DashboardView mine(@CurrentUser UUID userId) {
        return dashboards.find(userId).orElseThrow(NotFound::new);
    }
}
