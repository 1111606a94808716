package dev.vigil.platform;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The platform alone, as a Spring Boot application, for the platform's own integration tests.
 */
@SpringBootApplication
public class PlatformTestApplication {
}
