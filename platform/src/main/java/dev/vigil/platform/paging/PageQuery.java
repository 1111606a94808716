package dev.vigil.platform.paging;

import java.util.List;
import java.util.function.Function;
import org.springframework.lang.Nullable;

/**
 * One page to read, with the cursor already verified: what a repository binds into its statement, and what turns
 * the rows it fetched into a {@link Page}. Made by {@link PageRequest#bind}.
 *
 * <p>Keyset page: {@code WHERE user_id = :user AND (created_at, id) < (:createdAt, :id)
 * ORDER BY created_at DESC, id DESC LIMIT :fetchSize}, binding {@link #after()} and {@link #fetchSize()}.
 * Offset page: the same order with {@code LIMIT :fetchSize OFFSET :offset}.
 */
public final class PageQuery {

    private final int limit;
    @Nullable
    private final Integer offset;
    private final KeysetPosition after;
    private final CursorCodec cursors;
    private final CursorBinding binding;

    PageQuery(int limit, @Nullable Integer offset, KeysetPosition after, CursorCodec cursors, CursorBinding binding) {
        this.limit = limit;
        this.offset = offset;
        this.after = after;
        this.cursors = cursors;
        this.binding = binding;
    }

    /** Rows the page shows at most. */
    public int limit() {
        return limit;
    }

    /** Rows to fetch: one more than the page shows, and that extra row is the only sign another page follows. */
    public int fetchSize() {
        return limit + 1;
    }

    /** The page holds the rows after this position: the cursor's, or {@link KeysetPosition#START}. */
    public KeysetPosition after() {
        return after;
    }

    /** Whether the client asked for {@code offset} (jump to page) rather than following a cursor. */
    public boolean isOffsetPage() {
        return offset != null;
    }

    /** Rows to skip; 0 for keyset pages. */
    public int offset() {
        return offset == null ? 0 : offset;
    }

    /** The newest rows, whichever way they were asked for: the page worth caching. */
    public boolean isFirstPage() {
        return offset() == 0 && after.equals(KeysetPosition.START);
    }

    /**
     * The page from the rows a statement fetched with {@link #fetchSize()}, in feed order: at most {@link #limit()}
     * items, and when there were more, the cursor after the last item shown.
     *
     * @param positionOf a row's {@code (created_at, id)}, as read from the row
     */
    public <R> Page<R> toPage(List<R> rows, Function<? super R, KeysetPosition> positionOf) {
        if (rows.size() > fetchSize()) {
            throw new IllegalArgumentException("got " + rows.size() + " rows for a page of " + limit
                    + ": fetch fetchSize() rows, the limit plus one");
        }
        checkFeedOrder(rows, positionOf);
        boolean hasMore = rows.size() > limit;
        List<R> items = List.copyOf(hasMore ? rows.subList(0, limit) : rows);
        String nextCursor = hasMore ? cursors.encode(positionOf.apply(items.getLast()), binding) : null;
        return offset == null
                ? Page.keyset(items, nextCursor)
                : Page.atOffset(items, nextCursor, offset, limit);
    }

    /**
     * A statement that orders without the id, compares with {@code <=} or ignores the cursor would skip or repeat
     * rows without any error; this makes it fail on its first test instead.
     */
    private <R> void checkFeedOrder(List<R> rows, Function<? super R, KeysetPosition> positionOf) {
        KeysetPosition previous = offset == null ? after : null;
        for (R row : rows) {
            KeysetPosition position = positionOf.apply(row);
            if (previous != null && KeysetPosition.NEWEST_FIRST.compare(previous, position) >= 0) {
                throw new IllegalStateException(binding.feed() + ": row at " + position + " does not come after "
                        + previous + "; order by created_at DESC, id DESC and keep (created_at, id) < (:createdAt, :id)");
            }
            previous = position;
        }
    }

    @Override
    public String toString() {
        return "PageQuery[" + binding.feed() + ", limit=" + limit
                + (offset != null ? ", offset=" + offset : ", after=" + after) + "]";
    }
}
