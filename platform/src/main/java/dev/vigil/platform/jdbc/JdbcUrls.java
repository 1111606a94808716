package dev.vigil.platform.jdbc;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Small, strict helpers for PostgreSQL JDBC URLs ({@code jdbc:postgresql://host:port/database?params}).
 */
public final class JdbcUrls {

    private static final Pattern POSTGRES_URL =
            Pattern.compile("^jdbc:postgresql://(?<hostPort>[^/?]+)/(?<database>[^?]*)(?<query>\\?.*)?$");
    private static final Pattern SECRET_PARAMETER =
            Pattern.compile("(?i)([?&](password|sslpassword|sslkey)=)[^&]*");

    private JdbcUrls() {
    }

    /** The same server and parameters, another database. */
    public static String withDatabase(String url, String database) {
        Matcher matcher = parse(url);
        String query = matcher.group("query") == null ? "" : matcher.group("query");
        return "jdbc:postgresql://" + matcher.group("hostPort") + "/" + database + query;
    }

    public static String database(String url) {
        return parse(url).group("database");
    }

    /** The first host and port of the URL (5432 when the port is left out). */
    public static URI hostAndPort(String url) {
        String first = parse(url).group("hostPort").split(",")[0];
        URI uri = URI.create("tcp://" + first);
        return URI.create("tcp://" + uri.getHost() + ":" + (uri.getPort() == -1 ? 5432 : uri.getPort()));
    }

    /** The URL safe to log: secret parameters replaced. */
    public static String redacted(String url) {
        return SECRET_PARAMETER.matcher(url).replaceAll("$1***");
    }

    private static Matcher parse(String url) {
        Matcher matcher = POSTGRES_URL.matcher(url);
        if (!matcher.matches() || matcher.group("database").isEmpty()) {
            throw new IllegalArgumentException(
                    "spring.datasource.url must look like jdbc:postgresql://host:port/database, got " + redacted(url));
        }
        return matcher;
    }
}
