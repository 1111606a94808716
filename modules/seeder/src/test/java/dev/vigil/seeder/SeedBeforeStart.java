package dev.vigil.seeder;

import java.io.PrintStream;
import java.io.OutputStream;
import java.util.Optional;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Seeds the test context's own database (created by the platform's test harness) before the service starts,
 * so its processors find their tokens at the head, as they would after {@code bin/seed}.
 */
class SeedBeforeStart implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /**
     * 15 light users (the first heavy one is user 37): a few thousand events, so that rebuilding every read model
     * from them takes seconds; the heavy user's rows are checked in memory ({@code SeedDeterminismIntegrationTests}).
     */
    static final double SCALE = 0.00015;
    static final long SEED = 7;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var environment = context.getEnvironment();
        SeedOptions options = new SeedOptions(SCALE, SEED, environment.getRequiredProperty("spring.datasource.url"),
                environment.getProperty("spring.datasource.username", "postgres"),
                environment.getProperty("spring.datasource.password", "postgres"), Optional.empty());
        try {
            SeederApplication.seed(options, new PrintStream(OutputStream.nullOutputStream()));
        } catch (Exception e) {
            throw new IllegalStateException("seeding the test database failed", e);
        }
    }
}
