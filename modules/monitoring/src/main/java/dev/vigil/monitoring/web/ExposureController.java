package dev.vigil.monitoring.web;

import dev.vigil.monitoring.query.ExposureView;
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

/** The caller's exposures: the list, newest first, and one exposure. */
@RestController
@RequestMapping("/api/v1/exposures")
class ExposureController {

    private final Feed<ExposureView> exposures;

    ExposureController(Feed<ExposureView> exposures) {
        this.exposures = exposures;
    }

    /**
     * 200 with a page of exposures and a {@code Link} header to the next page while there is one; 400 naming the
     * parameter for a bad limit, offset, cursor or filter. Filters ({@link dev.vigil.monitoring.query.ExposureFeed})
     * combine with AND: {@code status} and {@code sourceKind} one value each, {@code severity} one or more,
     * {@code from}/{@code to} on the exposure's creation.
     */
    @GetMapping
    ResponseEntity<JsonResponse<Page<ExposureView>>> exposures(@CurrentUser UUID userId, PageRequest page,
            @FeedOf(ExposureView.class) FeedSelection selection, HttpServletRequest request) {
        return exposures.page(userId, selection, page).ok(request);
    }

    /** 200 with the exposure; 404 if the caller has none with that id (another user's answers the same). */
    @GetMapping("/{exposureId}")
    ResponseEntity<JsonResponse<ExposureView>> exposure(@CurrentUser UUID userId, @PathVariable UUID exposureId,
            HttpServletRequest request) {
        return exposures.find(userId, exposureId).orElseThrow(NotFound::new).ok(request);
    }
}
