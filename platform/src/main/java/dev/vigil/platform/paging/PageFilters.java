package dev.vigil.platform.paging;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The filters a page was asked for, in a canonical form that a cursor is bound to: names sorted, each name's values
 * sorted and de-duplicated, so {@code severity=HIGH&severity=LOW} and {@code severity=LOW&severity=HIGH} give the
 * same form. A filter without values means "not filtered" and leaves the name out.
 */
public final class PageFilters {

    /** A list without filters. */
    public static final PageFilters NONE = new PageFilters(Collections.emptySortedMap());

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.]*");

    private final String canonical;

    private PageFilters(SortedMap<String, SortedSet<String>> values) {
        // values are percent-encoded, so a ',', '&' or '=' inside one cannot pass for a separator
        this.canonical = values.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue().stream().map(PageFilters::encode)
                        .collect(Collectors.joining(",")))
                .collect(Collectors.joining("&"));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The form a cursor's signature covers, e.g. {@code category=NEW_EXPOSURE&severity=HIGH,LOW}. */
    public String canonical() {
        return canonical;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PageFilters filters && filters.canonical.equals(canonical);
    }

    @Override
    public int hashCode() {
        return canonical.hashCode();
    }

    @Override
    public String toString() {
        return canonical;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Collects a list's filters, each name once, each value in its one canonical text. */
    public static final class Builder {

        private final SortedMap<String, SortedSet<String>> values = new TreeMap<>();
        private final SortedSet<String> names = new TreeSet<>();

        private Builder() {
        }

        /**
         * @param canonicalValues the filter's values, each written one way only (an enum constant's name, an
         *        instant in UTC as {@link java.time.Instant#toString()} writes it), so equal filters compare equal
         */
        public Builder with(String name, String... canonicalValues) {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("filter name '" + name + "' must match " + NAME);
            }
            if (!names.add(name)) {
                throw new IllegalArgumentException("filter '" + name + "' given twice");
            }
            if (canonicalValues.length > 0) {
                values.put(name, new TreeSet<>(List.of(canonicalValues)));
            }
            return this;
        }

        public PageFilters build() {
            return values.isEmpty() ? NONE : new PageFilters(new TreeMap<>(values));
        }
    }
}
