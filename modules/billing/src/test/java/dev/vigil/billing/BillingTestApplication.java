package dev.vigil.billing;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * billing with the platform, as a Spring Boot application, for the module's integration tests.
 */
@SpringBootApplication
public class BillingTestApplication {
}
