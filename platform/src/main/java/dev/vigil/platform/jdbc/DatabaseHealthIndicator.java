package dev.vigil.platform.jdbc;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * The {@code db} component, in place of Spring Boot's, which borrows a pooled connection and runs a query: with the
 * pool saturated or the database gone that waited up to the pool's connection timeout, so readiness probes timed
 * out. This one reports what {@link DatabaseAvailability}'s probe last saw, at once.
 */
final class DatabaseHealthIndicator implements HealthIndicator {

    private final DatabaseAvailability availability;

    DatabaseHealthIndicator(DatabaseAvailability availability) {
        this.availability = availability;
    }

    @Override
    public Health health() {
        Health.Builder health = availability.isAvailable() ? Health.up() : Health.down()
                .withDetail("error", availability.lastFailure());
        return health.withDetail("since", availability.changedAt().toString()).build();
    }
}
