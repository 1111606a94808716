package dev.vigil.platform.feed;

import dev.vigil.platform.jdbc.SqlTimes;
import dev.vigil.platform.paging.KeysetPosition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.lang.Nullable;

/**
 * A feed's SQL: one page statement per shape (which filters a selection uses, and how), each as a keyset text and an
 * offset text, plus the lookup of one row by id. All texts are written once, when the feed is declared, from fixed
 * pieces; values are always bound, except an own-index value, which is an enum constant's name written as a literal.
 * <p>
 * Every page statement reads one user's rows newest first, {@code ORDER BY created_at DESC, id DESC}, as one range of
 * an index ending in {@code (created_at DESC, id DESC)}: the filters are the index's leading or trailing columns,
 * {@code from} and the keyset bound ({@code to} folded in, see {@link TimeWindow}) delimit the range, and the scan
 * stops after {@code LIMIT} rows. The first page binds {@link KeysetPosition#START} and runs the same text as every
 * later page. Several values of a filter are read as one range per value, each limited, merged by the outer
 * {@code ORDER BY}: PostgreSQL 15 cannot return a {@code column = ANY(...)} scan in index order, so that form would
 * read and sort all of the user's matching rows.
 * <p>
 * Names: {@code <page statement>[_by_<part>...][_at_offset]}, a part per filter used, in declaration order: the
 * column for one value, its plural for several, the value itself (lower case) for an own-index value; so
 * {@code db.query} metrics and {@code pg_stat_statements} tell every shape apart.
 */
final class FeedStatements {

    /** How a statement uses one filter. */
    enum Use { ABSENT, ONE, OWN_INDEX, SEVERAL }

    private final String table;
    private final String id;
    private final String columns;
    private final String pageName;
    private final List<FeedFilter<?>> filters;
    private final Map<List<Use>, Shape> shapes = new HashMap<>();
    private final String byId;

    FeedStatements(String table, String id, String columns, String pageName, String itemName,
            List<FeedFilter<?>> filters) {
        this.table = table;
        this.id = id;
        this.columns = columns;
        this.pageName = pageName;
        this.filters = List.copyOf(filters);
        for (List<Use> uses : everyShape(0)) {
            shapes.put(uses, shape(uses));
        }
        this.byId = "/* " + itemName + " */\nSELECT " + columns + "\nFROM " + table + "\nWHERE " + id
                + " = :id AND user_id = :userId";
    }

    /** The read table, schema-qualified. */
    String table() {
        return table;
    }

    /** The statement of one row by id, scoped by the user: another user's row is as absent as a missing one. */
    BoundStatement byId(UUID userId, UUID rowId) {
        return new BoundStatement(byId, Map.of("id", rowId, "userId", userId));
    }

    /**
     * The statement for a page of {@code selection}: a keyset page continues after {@code after}; an offset page
     * ({@code offset} not null) skips that many rows from the newest.
     */
    BoundStatement page(UUID userId, FeedSelection selection, KeysetPosition after, @Nullable Integer offset,
            int fetchSize) {
        List<Use> uses = usesOf(selection);
        Shape shape = shapes.get(uses);
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("userId", userId);
        parameters.put("from", SqlTimes.utc(selection.window().lowerBound()));
        KeysetPosition bound = selection.window().upperBound(offset == null ? after : KeysetPosition.START);
        parameters.put("beforeCreatedAt", bound.createdAtUtc());
        parameters.put("beforeId", bound.id());
        parameters.put("fetchSize", fetchSize);
        for (int i = 0; i < filters.size(); i++) {
            Set<? extends Enum<?>> values = valuesOf(selection, filters.get(i));
            switch (uses.get(i)) {
                case ONE -> parameters.put(filters.get(i).parameter(), values.iterator().next().name());
                case SEVERAL -> parameters.put(filters.get(i).parameter(),
                        values.stream().map(Enum::name).toArray(String[]::new));
                case ABSENT, OWN_INDEX -> {
                    // nothing to bind
                }
            }
        }
        if (offset == null) {
            return new BoundStatement(shape.keyset(), parameters);
        }
        parameters.put("offset", offset);
        if (shape.perValue()) {
            // each value's range may have to supply every row up to the end of the page
            parameters.put("branchLimit", offset + fetchSize);
        }
        return new BoundStatement(shape.atOffset(), parameters);
    }

    /** Every page statement text, keyset and offset, of every shape. */
    List<String> pageStatements() {
        return shapes.values().stream().flatMap(shape -> List.of(shape.keyset(), shape.atOffset()).stream())
                .toList();
    }

    private List<Use> usesOf(FeedSelection selection) {
        List<Use> uses = new ArrayList<>(filters.size());
        for (FeedFilter<?> filter : filters) {
            Set<? extends Enum<?>> values = valuesOf(selection, filter);
            if (values.isEmpty()) {
                uses.add(Use.ABSENT);
            } else if (values.size() > 1) {
                uses.add(Use.SEVERAL);
            } else {
                uses.add(values.contains(filter.ownIndexValue()) ? Use.OWN_INDEX : Use.ONE);
            }
        }
        return uses;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Set<? extends Enum<?>> valuesOf(FeedSelection selection, FeedFilter<?> filter) {
        return selection.of((FeedFilter) filter);
    }

    /** Every combination of uses from filter {@code index} on: what each filter can do. */
    private List<List<Use>> everyShape(int index) {
        if (index == filters.size()) {
            return List.of(List.of());
        }
        FeedFilter<?> filter = filters.get(index);
        List<Use> possible = new ArrayList<>(List.of(Use.ABSENT, Use.ONE));
        if (filter.ownIndexValue() != null) {
            possible.add(Use.OWN_INDEX);
        }
        if (filter.takesSeveral()) {
            possible.add(Use.SEVERAL);
        }
        List<List<Use>> shapes = new ArrayList<>();
        for (List<Use> rest : everyShape(index + 1)) {
            for (Use use : possible) {
                List<Use> uses = new ArrayList<>(List.of(use));
                uses.addAll(rest);
                shapes.add(List.copyOf(uses));
            }
        }
        return shapes;
    }

    private Shape shape(List<Use> uses) {
        StringBuilder conditions = new StringBuilder();
        List<String> parts = new ArrayList<>();
        FeedFilter<?> perValue = null;
        for (int i = 0; i < filters.size(); i++) {
            FeedFilter<?> filter = filters.get(i);
            String column = filter.column();
            Enum<?> own = filter.ownIndexValue();
            switch (uses.get(i)) {
                case ABSENT -> {
                    continue;
                }
                case ONE -> {
                    conditions.append(" AND ").append(column).append(" = :").append(filter.parameter());
                    if (own != null) {
                        conditions.append(" AND ").append(column).append(" <> '").append(own.name()).append('\'');
                    }
                    parts.add(column);
                }
                case OWN_INDEX -> {
                    conditions.append(" AND ").append(column).append(" = '").append(own.name()).append('\'');
                    parts.add(own.name().toLowerCase(Locale.ROOT));
                }
                case SEVERAL -> {
                    conditions.append(" AND ").append(column).append(" = wanted.value");
                    parts.add(plural(column));
                    perValue = filter;
                }
            }
        }
        String name = pageName + (parts.isEmpty() ? "" : "_by_" + String.join("_", parts));
        return perValue == null
                ? new Shape(oneRange(name, conditions, "LIMIT :fetchSize"),
                        oneRange(name + "_at_offset", conditions, "LIMIT :fetchSize\nOFFSET :offset"), false)
                : new Shape(rangePerValue(name, perValue, conditions, ":fetchSize", "LIMIT :fetchSize"),
                        rangePerValue(name + "_at_offset", perValue, conditions, ":branchLimit",
                                "LIMIT :fetchSize\nOFFSET :offset"), true);
    }

    private String oneRange(String name, CharSequence conditions, String limit) {
        return "/* " + name + " */\n" + range(conditions) + "\n" + limit;
    }

    private String rangePerValue(String name, FeedFilter<?> filter, CharSequence conditions, String branchLimit,
            String limit) {
        return "/* " + name + " */\nSELECT " + columns
                + "\nFROM unnest(CAST(:" + filter.parameter() + " AS varchar[])) AS wanted(value)"
                + "\nCROSS JOIN LATERAL (\n" + range(conditions) + "\nLIMIT " + branchLimit + "\n) AS branch"
                + "\nORDER BY created_at DESC, " + id + " DESC\n" + limit;
    }

    private String range(CharSequence conditions) {
        return "SELECT " + columns
                + "\nFROM " + table
                + "\nWHERE user_id = :userId" + conditions
                + "\n  AND created_at >= :from"
                + "\n  AND (created_at, " + id + ") < (:beforeCreatedAt, :beforeId)"
                + "\nORDER BY created_at DESC, " + id + " DESC";
    }

    /** severity → severities, status → statuses, source_kind → source_kinds. */
    static String plural(String word) {
        if (word.endsWith("y")) {
            return word.substring(0, word.length() - 1) + "ies";
        }
        return word.endsWith("s") ? word + "es" : word + "s";
    }

    private record Shape(String keyset, String atOffset, boolean perValue) {
    }

    @Override
    public String toString() {
        return shapes.keySet().stream().map(Object::toString).collect(Collectors.joining(", "));
    }
}
