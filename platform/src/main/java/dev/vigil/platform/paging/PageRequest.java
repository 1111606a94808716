package dev.vigil.platform.paging;

import java.util.Objects;
import java.util.UUID;
import org.springframework.lang.Nullable;

/**
 * A list endpoint's paging parameters, taken by a controller as a plain argument: {@code limit} (default
 * {@value #DEFAULT_LIMIT}, 1..{@value #MAX_LIMIT}) and either a {@code cursor} or an {@code offset}. Their syntax
 * is checked before the controller runs; the cursor is checked by {@link #bind}, once the controller knows whose
 * list it serves and with which filters.
 */
public final class PageRequest {

    public static final String LIMIT = "limit";
    public static final String CURSOR = "cursor";
    public static final String OFFSET = "offset";
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 100;

    private final int limit;
    @Nullable
    private final Integer offset;
    @Nullable
    private final String cursor;
    private final CursorCodec cursors;

    /** Made by {@link PageRequestArgumentResolver}, which has checked every rule (offset and cursor exclude each other). */
    PageRequest(int limit, @Nullable Integer offset, @Nullable String cursor, CursorCodec cursors) {
        this.limit = limit;
        this.offset = offset;
        this.cursor = cursor;
        this.cursors = Objects.requireNonNull(cursors);
    }

    public int limit() {
        return limit;
    }

    /**
     * The query for this page of {@code feed}, for {@code userId}, with {@code filters}; cursors it issues are
     * valid only for the same three.
     *
     * @param feed the list's name, unique per endpoint, like a statement name ({@code alerting.alerts})
     * @throws org.springframework.web.ErrorResponseException 400 naming {@code cursor} when the cursor was
     *         modified, cut short, made up, or issued for another feed, user or filters
     */
    public PageQuery bind(String feed, UUID userId, PageFilters filters) {
        CursorBinding binding = new CursorBinding(feed, userId, filters);
        KeysetPosition after = cursor == null
                ? KeysetPosition.START
                : cursors.decode(cursor, binding).orElseThrow(InvalidPageRequestException::invalidCursor);
        return new PageQuery(limit, offset, after, cursors, binding);
    }

    @Override
    public String toString() {
        return "PageRequest[limit=" + limit + (offset != null ? ", offset=" + offset : "")
                + (cursor != null ? ", cursor" : "") + "]";
    }
}
