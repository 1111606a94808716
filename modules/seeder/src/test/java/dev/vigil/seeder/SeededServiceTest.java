package dev.vigil.seeder;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole service started on a database seeded before it starts ({@link SeedBeforeStart}). Every test class of
 * this module uses this one configuration, so they share one Spring context and one seeded database: starting the
 * service is most of these tests' time.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = SeededService.class, properties = "vigil.billing.lifecycle.enabled=false")
@ContextConfiguration(initializers = SeedBeforeStart.class)
@AutoConfigureMockMvc
@interface SeededServiceTest {
}
