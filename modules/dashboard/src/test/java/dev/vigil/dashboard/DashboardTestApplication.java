package dev.vigil.dashboard;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * dashboard with the platform, as a Spring Boot application, for the module's integration tests. The other
 * modules are on the classpath for their {@code api} events only: their packages are not scanned, so the
 * tests write those modules' events into the event store themselves ({@link DomainEvents}).
 */
@SpringBootApplication
public class DashboardTestApplication {
}
