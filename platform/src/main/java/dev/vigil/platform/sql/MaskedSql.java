package dev.vigil.platform.sql;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.proxy.ParameterSetOperation;

/**
 * A statement as it may appear in a log: literals replaced by {@code ?} and bind parameters shown only by
 * their Java type, so no personal data (an email in a WHERE clause, a name being inserted) reaches the logs.
 */
final class MaskedSql {

    private static final int MAX_LENGTH = 2_000;
    // '...' with '' escapes, optionally E'...' with backslash escapes; then numbers not part of an identifier
    private static final Pattern STRING_LITERAL = Pattern.compile("(?i)\\bE'(?:\\\\.|''|[^'\\\\])*'|'(?:''|[^'])*'");
    private static final Pattern NUMBER_LITERAL = Pattern.compile("(?<![\\w.$])[-+]?\\d+(?:\\.\\d+)?(?:e[-+]?\\d+)?(?![\\w.])",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private MaskedSql() {
    }

    /** The statement text with every literal replaced by {@code ?}, on one line, cut at 2,000 characters. */
    static String text(String sql) {
        String masked = NUMBER_LITERAL.matcher(STRING_LITERAL.matcher(sql).replaceAll("?")).replaceAll("?");
        masked = WHITESPACE.matcher(masked).replaceAll(" ").strip();
        return masked.length() <= MAX_LENGTH ? masked : masked.substring(0, MAX_LENGTH) + "...";
    }

    /** The first execution's bind parameters as types, in index order: {@code [UUID, Timestamp, null]}. */
    static String parameterTypes(List<QueryInfo> queries) {
        if (queries.isEmpty() || queries.get(0).getParametersList().isEmpty()) {
            return "[]";
        }
        List<ParameterSetOperation> parameters = queries.get(0).getParametersList().get(0);
        return parameters.stream()
                .filter(operation -> operation.getArgs().length > 1)
                .sorted(Comparator.comparing(MaskedSql::index))
                .map(operation -> typeOf(operation.getArgs()[1]))
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private static int index(ParameterSetOperation operation) {
        return operation.getArgs()[0] instanceof Integer index ? index : Integer.MAX_VALUE;
    }

    private static String typeOf(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName();
    }

    static String ofQueries(List<QueryInfo> queries) {
        return queries.isEmpty() ? "" : text(queries.get(0).getQuery());
    }
}
