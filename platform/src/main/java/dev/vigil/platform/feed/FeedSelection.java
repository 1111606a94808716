package dev.vigil.platform.feed;

import dev.vigil.platform.paging.PageFilters;
import dev.vigil.platform.web.FieldError;
import dev.vigil.platform.web.ProblemDetailsAdvice;
import dev.vigil.platform.web.QueryParameters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.lang.Nullable;
import org.springframework.web.ErrorResponseException;

/**
 * Which of a user's rows a feed page shows: a set of values per filter (empty for "not filtered") and a time window.
 * Selecting every value of a filter selects the same rows as not filtering, and is the same selection.
 */
public final class FeedSelection {

    /** Every row. */
    public static final FeedSelection ALL = new FeedSelection(Map.of(), TimeWindow.ALL);

    private final Map<FeedFilter<?>, Set<?>> values;
    private final TimeWindow window;

    private FeedSelection(Map<FeedFilter<?>, Set<?>> values, TimeWindow window) {
        this.values = values;
        this.window = window;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The selection a request's query parameters make from {@code filters}; parameters that are not filters (such
     * as {@code limit}) are left alone.
     *
     * @throws ErrorResponseException 400 problem+json naming every parameter at fault
     */
    static FeedSelection parse(List<FeedFilter<?>> filters, Map<String, String[]> parameters) {
        List<FieldError> errors = new ArrayList<>();
        FeedSelection selection = parse(filters, parameters, errors);
        if (!errors.isEmpty()) {
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, ProblemDetailsAdvice.invalidInput(errors), null);
        }
        return selection;
    }

    /** As {@link #parse(List, Map)}, recording every parameter at fault in {@code errors} instead of throwing. */
    static FeedSelection parse(List<FeedFilter<?>> filters, Map<String, String[]> parameters, List<FieldError> errors) {
        Builder selection = builder();
        for (FeedFilter<?> filter : filters) {
            selection.put(filter, filter.parse(parameters.get(filter.parameter()), errors));
        }
        String from = QueryParameters.single(parameters, TimeWindow.FROM, errors);
        String to = QueryParameters.single(parameters, TimeWindow.TO, errors);
        selection.window(TimeWindow.parse(from, to, errors));
        return selection.build();
    }

    /** The values selected of {@code filter}; empty when it does not filter. */
    @SuppressWarnings("unchecked")
    public <E extends Enum<E>> Set<E> of(FeedFilter<E> filter) {
        return (Set<E>) values.getOrDefault(filter, Set.of());
    }

    public TimeWindow window() {
        return window;
    }

    /** The canonical form a cursor is bound to and a cached first page is keyed by, named like the parameters. */
    PageFilters pageFilters() {
        PageFilters.Builder filters = PageFilters.builder();
        values.forEach((filter, selected) -> filters.with(filter.parameter(),
                selected.stream().map(value -> ((Enum<?>) value).name()).toArray(String[]::new)));
        if (window.from() != null) {
            filters.with(TimeWindow.FROM, window.from().toString());
        }
        if (window.to() != null) {
            filters.with(TimeWindow.TO, window.to().toString());
        }
        return filters.build();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FeedSelection selection && values.equals(selection.values)
                && window.equals(selection.window);
    }

    @Override
    public int hashCode() {
        return Objects.hash(values, window);
    }

    @Override
    public String toString() {
        return "FeedSelection[" + pageFilters() + "]";
    }

    /** Builds a selection in code (tests, benchmarks); a request's comes from its parameters. */
    public static final class Builder {

        private final Map<FeedFilter<?>, Set<?>> values = new LinkedHashMap<>();
        private TimeWindow window = TimeWindow.ALL;

        private Builder() {
        }

        @SafeVarargs
        public final <E extends Enum<E>> Builder with(FeedFilter<E> filter, E first, E... more) {
            EnumSet<E> selected = EnumSet.of(first, more);
            if (!filter.takesSeveral() && selected.size() > 1) {
                throw new IllegalArgumentException(filter.parameter() + " takes one value");
            }
            return put(filter, selected);
        }

        public Builder window(@Nullable Instant from, @Nullable Instant to) {
            return window(TimeWindow.between(from, to));
        }

        Builder window(TimeWindow window) {
            this.window = Objects.requireNonNull(window, "window");
            return this;
        }

        Builder put(FeedFilter<?> filter, Set<?> selected) {
            if (values.containsKey(filter)) {
                throw new IllegalArgumentException(filter.parameter() + " given twice");
            }
            if (!selected.isEmpty() && !filter.selectsAll(selected)) {
                values.put(filter, Collections.unmodifiableSet(selected));
            }
            return this;
        }

        public FeedSelection build() {
            return values.isEmpty() && window.equals(TimeWindow.ALL) ? ALL
                    : new FeedSelection(Map.copyOf(values), window);
        }
    }
}
