package dev.vigil.identity.domain;

import ch.qos.logback.classic.Level;
import dev.vigil.identity.api.ProfileUpdated;
import dev.vigil.identity.api.RegisterUser;
import dev.vigil.identity.api.UpdateProfile;
import dev.vigil.identity.api.UserRegistered;
import dev.vigil.platform.testing.ExpectedLogs;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.axonframework.modelling.command.AbstractRepository;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class UserTests {

    /** Axon's own line for a command whose aggregate cannot be created or loaded; the tests expect the refusal. */
    @RegisterExtension
    final ExpectedLogs rejections = ExpectedLogs.from(AbstractRepository.class);

    private final Map<String, UUID> claims = new HashMap<>();
    private AggregateTestFixture<User> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(User.class);
        fixture.registerInjectableResource((EmailRegistry) (email, userId) -> {
            if (claims.putIfAbsent(email.value(), userId) != null) {
                throw new EmailAlreadyRegistered(email);
            }
        });
    }

    @Test
    void registeringEmitsUserRegisteredWithTheNormalizedEmail() {
        UUID id = UUID.randomUUID();
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(id, " Ann@Example.com", " Ann ", "Europe/Berlin"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new UserRegistered(id, "ann@example.com", "Ann", "Europe/Berlin", fixture.currentTime()));
    }

    @Test
    void aSecondRegistrationOfTheSameAddressIsRejected() {
        claims.put("ann@example.com", UUID.randomUUID());
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(UUID.randomUUID(), "ANN@example.com", "Ann", "UTC"))
                .expectException(EmailAlreadyRegistered.class)
                .expectNoEvents();
        rejections.assertLogged(Level.WARN, "Exception occurred while trying to create an aggregate");
    }

    @Test
    void anUnknownTimeZoneIsRejected() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(UUID.randomUUID(), "ann@example.com", "Ann", "Mars/Olympus"))
                .expectException(java.time.DateTimeException.class)
                .expectNoEvents();
        rejections.assertLogged(Level.WARN, "Exception occurred while trying to create an aggregate");
    }

    @Test
    void updatingTheProfileEmitsProfileUpdated() {
        UUID id = UUID.randomUUID();
        fixture.given(new UserRegistered(id, "ann@example.com", "Ann", "UTC", fixture.currentTime()))
                .when(new UpdateProfile(id, " Ann B. ", "Europe/Paris"))
                .expectEvents(new ProfileUpdated(id, "Ann B.", "Europe/Paris", fixture.currentTime()));
    }

    @Test
    void anUpdateThatChangesNothingEmitsNothing() {
        UUID id = UUID.randomUUID();
        fixture.given(new UserRegistered(id, "ann@example.com", "Ann", "UTC", fixture.currentTime()),
                        new ProfileUpdated(id, "Ann B.", "Europe/Paris", fixture.currentTime()))
                .when(new UpdateProfile(id, "Ann B.", "Europe/Paris"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
