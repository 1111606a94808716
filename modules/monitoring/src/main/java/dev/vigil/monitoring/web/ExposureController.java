package dev.vigil.monitoring.web;

import dev.vigil.monitoring.api.ExposureStatus;
import dev.vigil.monitoring.api.SourceKind;
import dev.vigil.monitoring.query.ExposureFilters;
import dev.vigil.monitoring.query.ExposureQueries;
import dev.vigil.monitoring.query.ExposureView;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's exposures: {@code GET /api/v1/exposures} (newest first, paged, filtered) and
 * {@code GET /api/v1/exposures/{exposureId}}.
 */
@RestController
class ExposureController {

    private final ExposureQueries exposures;

    ExposureController(ExposureQueries exposures) {
        this.exposures = exposures;
    }

    /**
     * Filters combine with AND: {@code status} and {@code sourceKind} one value each, {@code severity} one or more
     * (repeated or comma-separated), {@code from} (inclusive) and {@code to} (exclusive) ISO-8601 instants on the
     * exposure's creation. Paging: {@code limit}, and {@code cursor} or {@code offset} (docs/api-conventions.md).
     */
    @GetMapping("/api/v1/exposures")
    ResponseEntity<Page<ExposureView>> list(@CurrentUser UUID userId, PageRequest page,
            @Parameter(schema = @Schema(implementation = ExposureStatus.class))
            @RequestParam(name = ExposureFilterParameters.STATUS, required = false) @Nullable String status,
            @Parameter(description = FilterParameters.SEVERAL_OF + "LOW, MEDIUM, HIGH, CRITICAL", example = "HIGH,CRITICAL")
            @RequestParam(name = ExposureFilterParameters.SEVERITY, required = false) @Nullable String severity,
            @Parameter(schema = @Schema(implementation = SourceKind.class))
            @RequestParam(name = ExposureFilterParameters.SOURCE_KIND, required = false) @Nullable String sourceKind,
            @Parameter(description = FilterParameters.FROM_DESCRIPTION, schema = @Schema(format = "date-time"))
            @RequestParam(name = ExposureFilterParameters.FROM, required = false) @Nullable String from,
            @Parameter(description = FilterParameters.TO_DESCRIPTION, schema = @Schema(format = "date-time"))
            @RequestParam(name = ExposureFilterParameters.TO, required = false) @Nullable String to,
            HttpServletRequest request) {
        ExposureFilters filters = ExposureFilterParameters.parse(status, severity, sourceKind, from, to);
        return PageResponses.ok(exposures.page(userId, filters, page), request);
    }

    /** Another user's exposure answers exactly like one that does not exist. */
    @GetMapping("/api/v1/exposures/{exposureId}")
    ExposureView exposure(@CurrentUser UUID userId, @PathVariable UUID exposureId) {
        return exposures.find(userId, exposureId).orElseThrow(NotFound::new);
    }
}
