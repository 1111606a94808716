package dev.vigil.alerting.query;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.vigil.platform.cache.ReadCache;
import dev.vigil.platform.paging.KeysetPosition;
import dev.vigil.platform.paging.Page;
import dev.vigil.platform.paging.PageQuery;
import dev.vigil.platform.paging.PageRequest;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A user's alerts, as the API reads them: each call is one SQL statement, or none when the read cache has the
 * answer. Cached are the first page of the list (for each filter and limit: what the bell and the alert screen
 * open with) and single alerts, in the user's {@link AlertingCaches#ALERTS} namespace; deeper pages and offset
 * pages are read each time.
 */
@Component
public class AlertQueries {

    /** The list cursors are issued for; a cursor of another list, user or filter is rejected. */
    static final String FEED = "alerting.alerts";

    private static final TypeReference<Page<AlertView>> PAGE = new TypeReference<>() {
    };
    private static final TypeReference<Optional<AlertView>> ONE_ALERT = new TypeReference<>() {
    };

    private final AlertFeedReads reads;
    private final ReadCache cache;

    AlertQueries(AlertFeedReads reads, ReadCache cache) {
        this.reads = reads;
        this.cache = cache;
    }

    /**
     * The page {@code request} asks for of the user's alerts matching {@code filter}, newest first.
     *
     * @throws org.springframework.web.ErrorResponseException 400 naming {@code cursor} when the cursor is not one
     *         issued for this user and filter
     */
    public Page<AlertView> page(UUID userId, AlertFilter filter, PageRequest request) {
        PageQuery page = request.bind(FEED, userId, filter.pageFilters());
        if (page.isOffsetPage()) {
            List<AlertView> rows = reads.pageAtOffset(userId, filter, filter.upperBound(KeysetPosition.START),
                    page.offset(), page.fetchSize());
            return page.toPage(rows, AlertQueries::position);
        }
        if (!page.isFirstPage()) {
            return keysetPage(userId, filter, page);
        }
        String entry = "page:" + page.limit() + ":" + filter.pageFilters().canonical();
        return Objects.requireNonNull(
                cache.get(AlertingCaches.ALERTS, userId, entry, PAGE, () -> keysetPage(userId, filter, page)));
    }

    /** The user's alert, or empty when the user has no alert with that id (missing or someone else's). */
    public Optional<AlertView> find(UUID userId, UUID alertId) {
        Optional<AlertView> alert = cache.get(AlertingCaches.ALERTS, userId, "alert:" + alertId, ONE_ALERT,
                () -> reads.find(userId, alertId));
        // a cached "not found" reads back as an empty Optional; null is only what the type allows
        return Objects.requireNonNullElse(alert, Optional.empty());
    }

    private Page<AlertView> keysetPage(UUID userId, AlertFilter filter, PageQuery page) {
        List<AlertView> rows = reads.pageAfter(userId, filter, filter.upperBound(page.after()), page.fetchSize());
        return page.toPage(rows, AlertQueries::position);
    }

    private static KeysetPosition position(AlertView alert) {
        return new KeysetPosition(alert.createdAt(), alert.alertId());
    }
}
