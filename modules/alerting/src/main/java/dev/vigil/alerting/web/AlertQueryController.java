package dev.vigil.alerting.web;

import dev.vigil.alerting.query.AlertView;
import dev.vigil.platform.feed.Feed;
import dev.vigil.platform.feed.FeedOf;
import dev.vigil.platform.feed.FeedSelection;
import dev.vigil.platform.paging.Page;
import dev.vigil.platform.paging.PageRequest;
import dev.vigil.platform.response.JsonResponse;
import dev.vigil.platform.web.CurrentUser;
import dev.vigil.platform.web.NotFound;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's alerts: the list, newest first, and one alert. */
@RestController
@RequestMapping("/api/v1/alerts")
class AlertQueryController {

    private final Feed<AlertView> alerts;

    AlertQueryController(Feed<AlertView> alerts) {
        this.alerts = alerts;
    }

    /**
     * 200 with a page of alerts (cursor paging by default, {@code offset} for jump-to-page) and a {@code Link}
     * header to the next page while there is one; 400 naming the parameter for a bad limit, offset, cursor or
     * filter. Filters ({@link dev.vigil.alerting.query.AlertFeed}) combine with AND: {@code status} and
     * {@code category} one value each, {@code severity} one or more, {@code from}/{@code to} on the alert's creation.
     */
    @GetMapping
    ResponseEntity<JsonResponse<Page<AlertView>>> alerts(@CurrentUser UUID userId, PageRequest page,
            @FeedOf(AlertView.class) FeedSelection selection, HttpServletRequest request) {
        return alerts.page(userId, selection, page).ok(request);
    }

    /** 200 with the alert; 404 if the caller has no alert with that id; 400 naming alertId if it is no UUID. */
    @GetMapping("/{alertId}")
    ResponseEntity<JsonResponse<AlertView>> alert(@PathVariable UUID alertId, @CurrentUser UUID userId,
            HttpServletRequest request) {
        return alerts.find(userId, alertId).orElseThrow(NotFound::new).ok(request);
    }
}
