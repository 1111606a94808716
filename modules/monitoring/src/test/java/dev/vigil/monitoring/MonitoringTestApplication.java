package dev.vigil.monitoring;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * monitoring with the platform, as a Spring Boot application, for the module's integration tests. identity
 * runs beside it, as in the deployable, so tests register users the real way and monitoring learns them
 * from identity's UserRegistered events.
 */
@SpringBootApplication(scanBasePackages = {"dev.vigil.monitoring", "dev.vigil.identity"})
public class MonitoringTestApplication {
}
