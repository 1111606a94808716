package dev.vigil.platform.sql;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statement's name is its leading comment, {@code /* module.what *&#47;}: the only thing metrics and
 * logs tag with, so their cardinality is the number of statements in the code, never the SQL text.
 */
public final class StatementNames {

    /** Statements without a name comment (Axon's own, Flyway's): one bucket per owner. */
    public static final String UNNAMED = "unnamed";
    public static final String AXON = "axon";

    private static final Pattern NAME = Pattern.compile("^\\s*/\\*\\s*([a-z][a-z0-9_]*\\.[a-z0-9_.]+)\\s*\\*/");
    private static final Pattern AXON_TABLE = Pattern.compile("\\baxon\\.");

    private StatementNames() {
    }

    public static String of(String sql) {
        Matcher matcher = NAME.matcher(sql);
        if (matcher.find()) {
            return matcher.group(1);
        }
        return AXON_TABLE.matcher(sql).find() ? AXON : UNNAMED;
    }
}
