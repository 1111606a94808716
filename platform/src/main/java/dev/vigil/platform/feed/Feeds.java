package dev.vigil.platform.feed;

import dev.vigil.platform.cache.CacheSpace;
import dev.vigil.platform.response.CachedResponses;
import dev.vigil.platform.paging.KeysetPosition;
import dev.vigil.platform.paging.PageRequest;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.RowMapper;
import dev.vigil.platform.jdbc.ReplicaReads;

/**
 * Declares feeds, and finds a declared one by the type of its rows. A module's feed is a bean:
 * <pre>{@code
 * @Bean
 * Feed<AlertView> alerts(Feeds feeds) {
 *     return feeds.declare(AlertView.class, "alerting.alerts")
 *             .table("alerting.alert_feed", "alert_id", COLUMNS)
 *             .statements("alerting.alert_page", "alerting.alert_by_id")
 *             .filters(STATUS, SEVERITY, CATEGORY)
 *             .rows(AlertFeed::view, alert -> new KeysetPosition(alert.createdAt(), alert.alertId()))
 *             .cachedIn(AlertingCaches.ALERTS, AlertingCaches.ALERTS)
 *             .build();
 * }
 * }</pre>
 * The table needs {@code user_id}, {@code created_at} and the id column, and for every filter shape an index
 * {@code (user_id, <filter columns>, created_at DESC, <id> DESC)} or one whose trailing columns hold the filters.
 */
public final class Feeds {

    private static final Pattern STATEMENT_NAME = Pattern.compile("[a-z]+\\.[a-z_]+");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_]+(\\.[a-z_]+)?");
    private static final Set<String> RESERVED_PARAMETERS =
            Set.of(PageRequest.LIMIT, PageRequest.CURSOR, PageRequest.OFFSET, TimeWindow.FROM, TimeWindow.TO);

    private final ReplicaReads reads;
    private final CachedResponses responses;
    private final ObjectProvider<Feed<?>> declared;

    Feeds(ReplicaReads reads, CachedResponses responses, ObjectProvider<Feed<?>> declared) {
        this.reads = reads;
        this.responses = responses;
        this.declared = declared;
    }

    /**
     * @param name the feed's name, which its cursors are bound to, like a statement name ({@code alerting.alerts})
     */
    public <V> Builder<V> declare(Class<V> viewType, String name) {
        return new Builder<>(viewType, name);
    }

    /**
     * The feed whose rows are {@code viewType}.
     *
     * @throws IllegalStateException when no feed, or more than one, has rows of that type
     */
    public Feed<?> of(Class<?> viewType) {
        List<Feed<?>> matching = declared.stream().filter(feed -> feed.viewType() == viewType).toList();
        if (matching.size() != 1) {
            throw new IllegalStateException(matching.size() + " feeds have rows of type " + viewType.getName()
                    + "; @FeedOf needs exactly one");
        }
        return matching.getFirst();
    }

    /** What a module declares about its feed. */
    record Declaration<V>(Class<V> viewType, String name, List<FeedFilter<?>> filters, FeedStatements statements,
            RowMapper<V> rows, Function<V, KeysetPosition> positionOf, CacheSpace pages, CacheSpace items) {
    }

    /** Collects a declaration; every part is required. */
    public final class Builder<V> {

        private final Class<V> viewType;
        private final String name;
        private String table;
        private String idColumn;
        private String columns;
        private String pageStatement;
        private String itemStatement;
        private List<FeedFilter<?>> filters = List.of();
        private RowMapper<V> rows;
        private Function<V, KeysetPosition> positionOf;
        private CacheSpace pages;
        private CacheSpace items;

        private Builder(Class<V> viewType, String name) {
            this.viewType = Objects.requireNonNull(viewType, "viewType");
            this.name = requireMatch(STATEMENT_NAME, name, "feed name");
        }

        /**
         * @param columns the select list, every column the row mapper reads
         */
        public Builder<V> table(String table, String idColumn, String columns) {
            this.table = requireMatch(IDENTIFIER, table, "table");
            this.idColumn = requireMatch(IDENTIFIER, idColumn, "id column");
            this.columns = Objects.requireNonNull(columns, "columns").strip();
            return this;
        }

        /**
         * @param page the page statements' name, the prefix of every shape's ({@code alerting.alert_page})
         * @param item the lookup by id's name ({@code alerting.alert_by_id})
         */
        public Builder<V> statements(String page, String item) {
            this.pageStatement = requireMatch(STATEMENT_NAME, page, "page statement name");
            this.itemStatement = requireMatch(STATEMENT_NAME, item, "item statement name");
            return this;
        }

        /** The filters it offers, in the order their parts appear in statement names. At most one takes several. */
        public Builder<V> filters(FeedFilter<?>... declared) {
            Set<String> parameters = new HashSet<>();
            for (FeedFilter<?> filter : declared) {
                if (RESERVED_PARAMETERS.contains(filter.parameter()) || !parameters.add(filter.parameter())) {
                    throw new IllegalArgumentException(name + ": filter parameter '" + filter.parameter()
                            + "' is taken (paging, the time window, or another filter)");
                }
            }
            if (List.of(declared).stream().filter(FeedFilter::takesSeveral).count() > 1) {
                throw new IllegalArgumentException(name + ": at most one filter may take several values");
            }
            this.filters = List.of(declared);
            return this;
        }

        /**
         * @param positionOf a row's {@code (created_at, id)}, as read from the row
         */
        public Builder<V> rows(RowMapper<V> rows, Function<V, KeysetPosition> positionOf) {
            this.rows = Objects.requireNonNull(rows, "rows");
            this.positionOf = Objects.requireNonNull(positionOf, "positionOf");
            return this;
        }

        /**
         * @param pages where first pages are cached
         * @param items where single rows are cached (may be the same space)
         */
        public Builder<V> cachedIn(CacheSpace pages, CacheSpace items) {
            this.pages = Objects.requireNonNull(pages, "pages");
            this.items = Objects.requireNonNull(items, "items");
            return this;
        }

        public Feed<V> build() {
            Objects.requireNonNull(table, name + ": table");
            Objects.requireNonNull(pageStatement, name + ": statements");
            Objects.requireNonNull(rows, name + ": rows");
            Objects.requireNonNull(pages, name + ": cachedIn");
            FeedStatements statements =
                    new FeedStatements(table, idColumn, columns, pageStatement, itemStatement, filters);
            return new Feed<>(new Declaration<>(viewType, name, filters, statements, rows, positionOf, pages, items),
                    reads, responses);
        }

        private static String requireMatch(Pattern pattern, String text, String what) {
            if (text == null || !pattern.matcher(text).matches()) {
                throw new IllegalArgumentException(what + " '" + text + "' must match " + pattern);
            }
            return text;
        }
    }
}
