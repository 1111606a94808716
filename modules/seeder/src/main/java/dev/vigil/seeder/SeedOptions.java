package dev.vigil.seeder;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code bin/seed} was asked to do. The command-line contract (others build against it):
 * {@code [--scale S] [--seed N] [--db-url JDBC_URL] [--db-user U] [--db-password P] [--users-out FILE]}; the
 * database defaults to the one the service would use ({@code VIGIL_DB_URL}, {@code VIGIL_DB_USERNAME},
 * {@code VIGIL_DB_PASSWORD}).
 */
public record SeedOptions(double scale, long seed, String dbUrl, String dbUser, String dbPassword, Optional<Path> usersOut) {

    public static final String USAGE = "usage: bin/seed [--scale S] [--seed N] [--db-url JDBC_URL] [--db-user U] "
            + "[--db-password P] [--users-out FILE]";

    /** The service's development database, when {@code VIGIL_DB_URL} is not set. */
    static final String DEFAULT_DB_URL = "jdbc:postgresql://127.0.0.1:5432/vigil";

    /** Users at scale 1.0. */
    public static final int USERS_AT_SCALE_ONE = 100_000;

    public SeedOptions {
        if (!(scale > 0) || scale > 100) {
            throw new IllegalArgumentException("--scale must be above 0 and at most 100, got " + scale);
        }
    }

    public int users() {
        return Math.max(1, (int) Math.round(USERS_AT_SCALE_ONE * scale));
    }

    static SeedOptions parse(String[] args, Map<String, String> env) {
        double scale = 1.0;
        long seed = 42;
        String url = env.getOrDefault("VIGIL_DB_URL", DEFAULT_DB_URL);
        String user = env.getOrDefault("VIGIL_DB_USERNAME", "postgres");
        String password = env.getOrDefault("VIGIL_DB_PASSWORD", "postgres");
        Path usersOut = null;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
            }
            String value = args[++i];
            switch (option) {
                case "--scale" -> scale = number(option, value, Double::parseDouble);
                case "--seed" -> seed = number(option, value, Long::parseLong);
                case "--db-url" -> url = value;
                case "--db-user" -> user = value;
                case "--db-password" -> password = value;
                case "--users-out" -> usersOut = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + option + "\n" + USAGE);
            }
        }
        return new SeedOptions(scale, seed, url, user, password, Optional.ofNullable(usersOut));
    }

    private static <T> T number(String option, String value, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, got '" + value + "'");
        }
    }
}
