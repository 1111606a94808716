package dev.vigil.seeder;

/** {@code bin/seed}: see {@link SeedOptions} for the options and docs/seeding.md for what it generates. */
public final class SeedCommand {

    private SeedCommand() {
    }

    public static void main(String[] args) throws Exception {
        // Axon reads this switch from system properties and the environment only, not from Spring's properties
        // (the platform's axon-defaults.properties has no effect on it): without it, a seed phones AxonIQ home.
        System.setProperty("axoniq.update-checker.disabled", System.getProperty("axoniq.update-checker.disabled", "true"));
        SeedOptions options;
        try {
            options = SeedOptions.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("seed: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.err.printf("seeding %,d users (scale %s, seed %d) into %s%n", options.users(), options.scale(),
                options.seed(), dev.vigil.platform.jdbc.JdbcUrls.redacted(options.dbUrl()));
        SeederApplication.seed(options, System.err);
    }
}
