package dev.vigil.monitoring.query;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.vigil.platform.cache.ReadCache;
import dev.vigil.platform.paging.KeysetPosition;
import dev.vigil.platform.paging.Page;
import dev.vigil.platform.paging.PageQuery;
import dev.vigil.platform.paging.PageRequest;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The caller's exposures: a page (newest first) or one by id. Each read is one SQL statement, or none when the
 * read cache has it: first pages (no cursor, no offset) and single exposures are cached per user.
 */
@Component
public class ExposureQueries {

    /** The feed a cursor is bound to, with the user and the filters. */
    static final String FEED = "monitoring.exposures";

    private static final TypeReference<Page<ExposureView>> PAGE = new TypeReference<>() {
    };
    private static final TypeReference<Optional<ExposureView>> MAYBE_EXPOSURE = new TypeReference<>() {
    };

    private final ExposureReads reads;
    private final ReadCache cache;

    ExposureQueries(ExposureReads reads, ReadCache cache) {
        this.reads = reads;
        this.cache = cache;
    }

    /**
     * One page of the user's exposures matching {@code filters}.
     *
     * @throws org.springframework.web.ErrorResponseException 400 naming {@code cursor} when the cursor was not
     *         issued for this user and these filters
     */
    public Page<ExposureView> page(UUID userId, ExposureFilters filters, PageRequest request) {
        PageQuery query = request.bind(FEED, userId, filters.pageFilters());
        if (query.isFirstPage() && !query.isOffsetPage()) {
            String entry = "first?limit=" + query.limit() + "&" + filters.pageFilters().canonical();
            return cache.get(MonitoringCaches.EXPOSURE_PAGES, userId, entry, PAGE, () -> read(userId, filters, query));
        }
        return read(userId, filters, query);
    }

    /** The user's exposure, or empty when there is none with this id or it is someone else's. */
    public Optional<ExposureView> find(UUID userId, UUID exposureId) {
        return cache.get(MonitoringCaches.EXPOSURES, userId, exposureId.toString(), MAYBE_EXPOSURE,
                () -> reads.find(userId, exposureId));
    }

    private Page<ExposureView> read(UUID userId, ExposureFilters filters, PageQuery query) {
        List<ExposureView> rows = query.isOffsetPage()
                ? reads.pageAtOffset(userId, filters, query.offset(), query.fetchSize())
                : reads.pageAfter(userId, filters, query.after(), query.fetchSize());
        return query.toPage(rows, ExposureQueries::position);
    }

    private static KeysetPosition position(ExposureView exposure) {
        return new KeysetPosition(exposure.createdAt(), exposure.exposureId());
    }
}
