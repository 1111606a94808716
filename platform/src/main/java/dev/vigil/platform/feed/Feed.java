package dev.vigil.platform.feed;

import dev.vigil.platform.cache.CacheSpace;
import dev.vigil.platform.paging.KeysetPosition;
import dev.vigil.platform.paging.Page;
import dev.vigil.platform.paging.PageQuery;
import dev.vigil.platform.paging.PageRequest;
import dev.vigil.platform.response.CachedResponses;
import dev.vigil.platform.response.JsonResponse;
import dev.vigil.platform.web.FieldError;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.RowMapper;
import dev.vigil.platform.jdbc.ReplicaReads;

/**
 * A user's feed: the rows of one read table that belong to the caller, newest first, read a page at a time
 * (keyset or offset, docs/api-conventions.md) through the filters it declares, or one row by id. Each read is one
 * named statement ({@link FeedStatements}) on the read replica when it may serve the user ({@link ReplicaReads}), or none when the read cache has it: first pages (per selection and
 * limit) and single rows are cached in the user's namespace of the feed's cache spaces, which the feed's projection
 * invalidates. A module declares its feed as a bean ({@link Feeds#declare}); its controller takes the request's
 * selection as a {@code @FeedOf(View.class) FeedSelection} argument.
 *
 * @param <V> a row as the API shows it
 */
public final class Feed<V> {

    private final Class<V> viewType;
    private final String name;
    private final List<FeedFilter<?>> filters;
    private final FeedStatements statements;
    private final RowMapper<V> rows;
    private final Function<V, KeysetPosition> positionOf;
    private final CacheSpace pages;
    private final CacheSpace items;
    private final ReplicaReads reads;
    private final CachedResponses responses;

    Feed(Feeds.Declaration<V> declaration, ReplicaReads reads, CachedResponses responses) {
        this.viewType = declaration.viewType();
        this.name = declaration.name();
        this.filters = declaration.filters();
        this.statements = declaration.statements();
        this.rows = declaration.rows();
        this.positionOf = declaration.positionOf();
        this.pages = declaration.pages();
        this.items = declaration.items();
        this.reads = reads;
        this.responses = responses;
    }

    /**
     * The page {@code request} asks for of the user's rows that {@code selection} selects.
     *
     * @throws org.springframework.web.ErrorResponseException 400 naming {@code cursor} when the cursor was not
     *         issued for this feed, user and selection
     */
    public JsonResponse<Page<V>> page(UUID userId, FeedSelection selection, PageRequest request) {
        PageQuery page = request.bind(name, userId, selection.pageFilters());
        if (page.isOffsetPage() || !page.isFirstPage()) {
            return responses.of(userId, read(userId, selection, page));
        }
        String entry = "page:" + page.limit() + ":" + selection.pageFilters().canonical();
        return responses.get(pages, userId, entry, () -> read(userId, selection, page));
    }

    /** The user's row with this id, or empty when the user has none (missing, or someone else's). */
    public Optional<JsonResponse<V>> find(UUID userId, UUID id) {
        return responses.find(items, userId, "item:" + id, () -> {
            BoundStatement lookup = statements.byId(userId, id);
            return reads.forUser(userId,
                    jdbc -> jdbc.sql(lookup.sql()).params(lookup.parameters()).query(rows).optional());
        });
    }

    /** The type of its rows: what a {@code @FeedOf} argument names. */
    public Class<V> viewType() {
        return viewType;
    }

    /** Its name, which its cursors are bound to ({@code alerting.alerts}). */
    public String name() {
        return name;
    }

    public List<FeedFilter<?>> filters() {
        return filters;
    }

    /**
     * The selection a request's query parameters make.
     *
     * @throws org.springframework.web.ErrorResponseException 400 naming every filter parameter at fault
     */
    FeedSelection select(Map<String, String[]> parameters) {
        return FeedSelection.parse(filters, parameters);
    }

    /** The query parameters a selection is read from: its filters, {@code from} and {@code to}. */
    Set<String> parameterNames() {
        Set<String> names = new LinkedHashSet<>();
        filters.forEach(filter -> names.add(filter.parameter()));
        names.add(TimeWindow.FROM);
        names.add(TimeWindow.TO);
        return names;
    }

    /** The selection, recording in {@code errors} every filter parameter at fault instead of throwing. */
    FeedSelection read(Map<String, String[]> parameters, List<FieldError> errors) {
        return FeedSelection.parse(filters, parameters, errors);
    }

    FeedStatements statements() {
        return statements;
    }

    private Page<V> read(UUID userId, FeedSelection selection, PageQuery page) {
        BoundStatement statement = statements.page(userId, selection, page.after(),
                page.isOffsetPage() ? page.offset() : null, page.fetchSize());
        List<V> fetched = reads.forUser(userId,
                jdbc -> jdbc.sql(statement.sql()).params(statement.parameters()).query(rows).list());
        return page.toPage(fetched, positionOf);
    }

    @Override
    public String toString() {
        return "Feed[" + name + "]";
    }
}
