package dev.vigil.platform.testing;

import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A checksum over every row and column of a table, in key order: equal checksums mean equal tables.
 */
public final class ReadModelChecksums {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)?");

    private ReadModelChecksums() {
    }

    /** {@code md5} of all rows as text, ordered by {@code orderBy} (a comma-separated column list). */
    public static String checksum(JdbcClient jdbc, String table, String orderBy) {
        if (!IDENTIFIER.matcher(table).matches() || !orderBy.matches("[a-z0-9_, ]+")) {
            throw new IllegalArgumentException("not a plain table or column list: " + table + " / " + orderBy);
        }
        return jdbc.sql("SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY " + orderBy + ")), '-') FROM "
                        + table + " t")
                .query(String.class).single();
    }
}
