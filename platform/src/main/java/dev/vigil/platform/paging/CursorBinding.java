package dev.vigil.platform.paging;

import java.util.Objects;
import java.util.UUID;

/**
 * What a cursor is valid for: one feed, one user, one set of filters. It is not written into the cursor; the
 * request supplies it again and the signature must match it.
 *
 * @param feed the list the cursor walks, named like a statement ({@code alerting.alerts})
 */
record CursorBinding(String feed, UUID userId, PageFilters filters) {

    CursorBinding {
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(filters, "filters");
        if (feed.isBlank()) {
            throw new IllegalArgumentException("a cursor's feed name must not be blank");
        }
    }
}
