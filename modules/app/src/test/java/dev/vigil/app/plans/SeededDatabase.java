package dev.vigil.app.plans;

import dev.vigil.platform.jdbc.JdbcUrls;
import dev.vigil.platform.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A database filled by the production seeder ({@code bin/seed}'s jar, run as its own process exactly as an operator
 * runs it), then analyzed: {@code vigil_plans_<time>_<random>} ({@link TestDatabases}), dropped by {@link #close()}. With
 * {@code -Dvigil.plans.db-url=...} an existing seeded database is used as it is, and kept.
 */
final class SeededDatabase implements AutoCloseable {

    /**
     * 15,000 users, 150 of them heavy: about 920,000 alerts and 740,000 exposures (seeder of 2026-11-27), far more rows
     * than the planner would read sequentially for one user; seeded in about three minutes on the 2-core machine.
     */
    static final double DEFAULT_SCALE = 0.15;
    static final long SEED = 42;

    private final String url;
    private final String username;
    private final String password;
    private final boolean owned;

    private SeededDatabase(String url, String username, String password, boolean owned) {
        this.url = url;
        this.username = username;
        this.password = password;
        this.owned = owned;
    }

    /** The database named by {@code vigil.plans.db-url}, or a new one on the server of {@code serverUrl}, seeded. */
    static SeededDatabase prepare(String serverUrl, String username, String password) {
        String given = System.getProperty("vigil.plans.db-url", "");
        if (!given.isBlank()) {
            return new SeededDatabase(given, username, password, false);
        }
        TestDatabases databases = new TestDatabases(serverUrl, username, password);
        databases.dropAbandoned("plans");
        String name = databases.create("plans");
        SeededDatabase database = new SeededDatabase(JdbcUrls.withDatabase(serverUrl, name), username, password, true);
        database.seed(Double.parseDouble(System.getProperty("vigil.plans.scale", String.valueOf(DEFAULT_SCALE))));
        return database;
    }

    String url() {
        return url;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, username, password);
    }

    private void seed(double scale) {
        long started = System.nanoTime();
        Path jar = seederJar();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = List.of(java.toString(), "-XX:+UseParallelGC", "-Xmx3g", "-jar", jar.toString(),
                "--scale", String.valueOf(scale), "--seed", String.valueOf(SEED), "--db-url", url,
                "--db-user", username, "--db-password", password);
        try {
            Process seeder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target", "plans-seed.log").toFile()))
                    .start();
            if (!seeder.waitFor(20, TimeUnit.MINUTES) || seeder.exitValue() != 0) {
                seeder.destroyForcibly();
                throw new IllegalStateException("the seeder failed (see modules/app/target/plans-seed.log): " + command);
            }
            try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                statement.execute("ANALYZE"); // the seeder analyzes too; this makes the suite's premise explicit
            }
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("seeding " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while seeding " + url, e);
        }
        System.out.printf("plans: seeded %s at scale %s and analyzed in %s%n", JdbcUrls.database(url), scale,
                Duration.ofNanos(System.nanoTime() - started).withNanos(0));
    }

    /** The seeder's executable jar, built by the reactor before this module's tests ({@code -am}). */
    private static Path seederJar() {
        Path jar = Path.of(System.getProperty("vigil.plans.seeder-jar", "../seeder/target/vigil-seeder.jar"))
                .toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no seeder jar at " + jar + ": build with -am (or ./mvnw -pl modules/seeder package)");
        }
        return jar;
    }

    @Override
    public void close() throws SQLException {
        if (!owned || Boolean.getBoolean("vigil.plans.keep-database")) {
            return;
        }
        new TestDatabases(url, username, password).drop(JdbcUrls.database(url));
    }
}
