package dev.vigil.platform.paging;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Collections;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.lang.Nullable;

/**
 * The filters a page was asked for, in a canonical form that a cursor is bound to: names sorted, each name's values
 * sorted and de-duplicated, so {@code severity=HIGH&severity=LOW} and {@code severity=LOW&severity=HIGH} give the
 * same form. A missing filter, {@code null} and an empty collection all mean "not filtered" and leave the name out.
 */
public final class PageFilters {

    /** An endpoint without filters. */
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

    /** Collects an endpoint's parsed filters; each name once. */
    public static final class Builder {

        private final SortedMap<String, SortedSet<String>> values = new TreeMap<>();
        private final SortedSet<String> names = new TreeSet<>();

        private Builder() {
        }

        /**
         * @param value {@code null}, a String, enum, UUID, Boolean, Integer, Long, Instant, OffsetDateTime,
         *        ZonedDateTime or LocalDate, or a collection of those. Instants and date-times are compared as
         *        instants, so the same moment written with another offset is the same filter
         */
        public Builder with(String name, @Nullable Object value) {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("filter name '" + name + "' must match " + NAME);
            }
            if (!names.add(name)) {
                throw new IllegalArgumentException("filter '" + name + "' given twice");
            }
            SortedSet<String> canonicalValues = new TreeSet<>();
            if (value instanceof Collection<?> collection) {
                collection.forEach(element -> canonicalValues.add(canonicalValue(name, element)));
            } else if (value != null) {
                canonicalValues.add(canonicalValue(name, value));
            }
            if (!canonicalValues.isEmpty()) {
                values.put(name, canonicalValues);
            }
            return this;
        }

        public PageFilters build() {
            return values.isEmpty() ? NONE : new PageFilters(new TreeMap<>(values));
        }

        private static String canonicalValue(String name, @Nullable Object value) {
            return switch (value) {
                case String text -> text;
                case Enum<?> constant -> constant.name();
                case UUID id -> id.toString();
                case Boolean flag -> flag.toString();
                case Integer number -> number.toString();
                case Long number -> number.toString();
                case Instant instant -> instant.toString();
                case OffsetDateTime dateTime -> dateTime.toInstant().toString();
                case ZonedDateTime dateTime -> dateTime.toInstant().toString();
                case LocalDate date -> date.toString();
                case null -> throw new IllegalArgumentException("filter '" + name + "' holds a null value");
                // a type without one canonical text (a double, a record) could let equal filters differ
                default -> throw new IllegalArgumentException("filter '" + name + "' has a value of type "
                        + value.getClass().getName() + " without a canonical form; pass its canonical text");
            };
        }
    }
}
