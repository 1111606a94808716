package dev.vigil.alerting;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * alerting with the platform, as a Spring Boot application, for the module's integration tests. monitoring's
 * and billing's components are not in it: tests append those modules' events to the event store directly.
 */
@SpringBootApplication
public class AlertingTestApplication {
}
