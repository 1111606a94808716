package dev.vigil.alerting.web;

import dev.vigil.alerting.api.AlertCategory;
import dev.vigil.alerting.api.AlertStatus;
import dev.vigil.alerting.query.AlertFilter;
import dev.vigil.alerting.query.AlertQueries;
import dev.vigil.alerting.query.AlertView;
import dev.vigil.platform.paging.Page;
import dev.vigil.platform.paging.PageRequest;
import dev.vigil.platform.paging.PageResponses;
import dev.vigil.platform.web.CurrentUser;
import dev.vigil.platform.web.FilterParameters;
import dev.vigil.platform.web.NotFound;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's alerts: the list, newest first, and one alert. */
@RestController
@RequestMapping("/api/v1/alerts")
class AlertQueryController {

    private final AlertQueries alerts;

    AlertQueryController(AlertQueries alerts) {
        this.alerts = alerts;
    }

    /**
     * 200 with a page of alerts (cursor paging by default, {@code offset} for jump-to-page) and a {@code Link}
     * header to the next page while there is one; 400 naming the parameter for a bad limit, offset, cursor or
     * filter. Filters combine with AND: {@code status} and {@code category} one value each, {@code severity} one
     * or more (repeated or comma-separated), {@code from} (inclusive) and {@code to} (exclusive) ISO-8601
     * instants on the alert's creation; values in any case ({@link AlertFilterParameters}).
     */
    @GetMapping
    ResponseEntity<Page<AlertView>> alerts(@CurrentUser UUID userId, PageRequest page,
            @Parameter(schema = @Schema(implementation = AlertStatus.class))
            @RequestParam(name = AlertFilterParameters.STATUS, required = false) @Nullable String status,
            @Parameter(description = FilterParameters.SEVERAL_OF + "LOW, MEDIUM, HIGH, CRITICAL", example = "HIGH,CRITICAL")
            @RequestParam(name = AlertFilterParameters.SEVERITY, required = false) @Nullable String severity,
            @Parameter(schema = @Schema(implementation = AlertCategory.class))
            @RequestParam(name = AlertFilterParameters.CATEGORY, required = false) @Nullable String category,
            @Parameter(description = FilterParameters.FROM_DESCRIPTION, schema = @Schema(format = "date-time"))
            @RequestParam(name = AlertFilterParameters.FROM, required = false) @Nullable String from,
            @Parameter(description = FilterParameters.TO_DESCRIPTION, schema = @Schema(format = "date-time"))
            @RequestParam(name = AlertFilterParameters.TO, required = false) @Nullable String to,
            HttpServletRequest request) {
        AlertFilter filter = AlertFilterParameters.parse(status, severity, category, from, to);
        return PageResponses.ok(alerts.page(userId, filter, page), request);
    }

    /** 200 with the alert; 404 if the caller has no alert with that id; 400 naming alertId if it is no UUID. */
    @GetMapping("/{alertId}")
    AlertView alert(@PathVariable UUID alertId, @CurrentUser UUID userId) {
        return alerts.find(userId, alertId).orElseThrow(NotFound::new);
    }
}
