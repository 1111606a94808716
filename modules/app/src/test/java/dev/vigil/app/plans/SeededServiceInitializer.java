package dev.vigil.app.plans;

import java.util.Map;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Seeds a database before the service starts and points the service at it, so its processors find their tokens at
 * the head of the seeded events and serve the seeded users at once; the database is dropped when the context
 * closes. (The test sets {@code vigil.test.isolation=false}: the platform's per-context empty database is not
 * wanted here.)
 */
class SeededServiceInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var environment = context.getEnvironment();
        String username = environment.getProperty("spring.datasource.username", "postgres");
        String password = environment.getProperty("spring.datasource.password", "postgres");
        SeededDatabase database = SeededDatabase.prepare(environment.getRequiredProperty("spring.datasource.url"), username,
                password);
        environment.getPropertySources().addFirst(new MapPropertySource("vigilPlansDatabase", Map.of(
                "spring.datasource.url", database.url(),
                "vigil.datasource.create-if-missing", false)));
        if (context.getBeanFactory() instanceof DefaultListableBeanFactory beanFactory) {
            // registered first, so it runs last: after the pool has closed
            beanFactory.registerDisposableBean("vigilPlansDatabaseDrop", database::close);
        }
        context.getBeanFactory().registerSingleton("seededDatabase", database);
    }
}
