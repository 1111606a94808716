package dev.vigil.seeder;

import dev.vigil.platform.axon.ProjectionProperties;
import java.io.PrintStream;
import java.util.Map;
import org.axonframework.serialization.Serializer;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The platform without the business modules: its pool and Flyway (which creates the schema on an empty
 * database, exactly as the service would at start-up) and Axon's event serializer, so seeded events are
 * stored in the very format the service writes and reads. Not a {@code @Configuration}: the app's tests have this
 * class on their classpath (for the module rules), and the service's scan of {@code dev.vigil} must not pick it up.
 */
@EnableAutoConfiguration
public class SeederApplication {

    /** Migrates the database, seeds it and returns what was done. */
    public static Seeder.Summary seed(SeedOptions options, PrintStream log) throws Exception {
        Map<String, Object> properties = Map.of(
                "spring.datasource.url", options.dbUrl(),
                "spring.datasource.username", options.dbUser(),
                "spring.datasource.password", options.dbPassword(),
                "vigil.datasource.create-if-missing", true,
                "spring.datasource.hikari.maximum-pool-size", 2,
                "spring.datasource.hikari.minimum-idle", 0,
                // a test run of the seeder seeds the database its test chose, not one of its own
                "vigil.test.isolation", false,
                "spring.flyway.locations", "classpath:db/migration",
                "spring.main.banner-mode", "off",
                "logging.level.root", "WARN");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SeederApplication.class)
                .web(WebApplicationType.NONE).properties(properties).run()) {
            Serializer serializer = context.getBean("eventSerializer", Serializer.class);
            int segments = context.getBean(ProjectionProperties.class).segments();
            return new Seeder(options, serializer, segments, log).run();
        }
    }
}
