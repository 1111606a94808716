package dev.vigil.identity;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * identity with the platform, as a Spring Boot application, for the module's integration tests.
 */
@SpringBootApplication
public class IdentityTestApplication {
}
