package dev.vigil.platform.paging;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.springframework.lang.Nullable;

/**
 * One page of a list, as the API returns it: {@code {"items": [...], "nextCursor": "...", "hasMore": true}},
 * plus {@code "offset"} and {@code "limit"} when it was asked for by offset. There is no total: counting a
 * user's rows would cost more than the page itself (totals come from the dashboard summary).
 *
 * @param nextCursor continues after the last item; {@code null} exactly when {@code hasMore} is false. Offset
 *        pages carry one too, so a client can jump to a page and then walk on by cursor
 * @param hasMore the only end-of-list signal: clients must not take a page shorter than {@code limit} for the
 *        end, since a list built another way (merged or filtered after reading) may return short pages early
 */
public record Page<T>(
        List<T> items,
        @Nullable String nextCursor,
        boolean hasMore,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Integer offset,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Integer limit) {

    public Page {
        items = List.copyOf(items);
        if (hasMore != (nextCursor != null)) {
            throw new IllegalArgumentException("a page has a next cursor exactly when it has more");
        }
        if ((offset == null) != (limit == null)) {
            throw new IllegalArgumentException("an offset page has both offset and limit, a keyset page neither");
        }
    }

    static <T> Page<T> keyset(List<T> items, @Nullable String nextCursor) {
        return new Page<>(items, nextCursor, nextCursor != null, null, null);
    }

    static <T> Page<T> atOffset(List<T> items, @Nullable String nextCursor, int offset, int limit) {
        return new Page<>(items, nextCursor, nextCursor != null, offset, limit);
    }
}
