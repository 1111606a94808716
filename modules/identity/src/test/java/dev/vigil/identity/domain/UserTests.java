package dev.vigil.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.vigil.identity.api.ProfileUpdated;
import dev.vigil.identity.api.RegisterUser;
import dev.vigil.identity.api.UpdateProfile;
import dev.vigil.identity.api.UserRegistered;
import dev.vigil.platform.input.InvalidInput;
import dev.vigil.platform.testing.ExpectedLogs;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.modelling.command.AbstractRepository;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

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
    void anUnknownTimeZoneIsRejectedNamingTheField() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(UUID.randomUUID(), "ann@example.com", "Ann", "Mars/Olympus"))
                .expectException(InvalidInput.class)
                .expectExceptionMessage("timeZone: must be an IANA time zone id such as Europe/Berlin")
                .expectNoEvents();
        rejections.assertLogged(Level.WARN, "Exception occurred while trying to create an aggregate");
    }

    /** Values a projection could not write, or would write differently: refused whoever sends the command. */
    @ParameterizedTest
    @MethodSource("textThePolicyRefuses")
    void aRegistrationWithTextThePolicyRefusesIsRejectedNamingTheField(String email, String displayName,
            String timeZone, String field) {
        claims.clear();
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(UUID.randomUUID(), email, displayName, timeZone))
                .expectException(InvalidInput.class)
                .expectExceptionMessage(org.hamcrest.Matchers.startsWith(field + ": "))
                .expectNoEvents();
        assertThat(claims).as("no email was claimed").isEmpty();
        rejections.assertLogged(Level.WARN, "Exception occurred while trying to create an aggregate");
    }

    static Stream<Arguments> textThePolicyRefuses() {
        return Stream.of(
                Arguments.of("ann@example.com", "nul\u0000name", "UTC", "displayName"),
                Arguments.of("ann@example.com", "tab\tname", "UTC", "displayName"),
                Arguments.of("ann@example.com", "lone \uD83D surrogate", "UTC", "displayName"),
                Arguments.of("ann@example.com", "x".repeat(101), "UTC", "displayName"),
                Arguments.of("ann@example.com", " ", "UTC", "displayName"),
                Arguments.of("ann\u0000@example.com", "Ann", "UTC", "email"),
                Arguments.of("ann@example.com", "Ann", "UTC\u0000", "timeZone"));
    }

    @Test
    void aHundredEmojiAreAHundredCharactersAndFit() {
        UUID id = UUID.randomUUID();
        String name = "\uD83D\uDE00".repeat(User.MAX_DISPLAY_NAME_LENGTH);
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(id, "ann@example.com", name, "UTC"))
                .expectEvents(new UserRegistered(id, "ann@example.com", name, "UTC", fixture.currentTime()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"nul\u0000name", "line\u2028break", "\uDE00lone", "del\u007Fname"})
    void aProfileUpdateWithTextThePolicyRefusesIsRejectedNamingTheField(String displayName) {
        UUID id = UUID.randomUUID();
        fixture.given(new UserRegistered(id, "ann@example.com", "Ann", "UTC", fixture.currentTime()))
                .when(new UpdateProfile(id, displayName, "UTC"))
                .expectException(InvalidInput.class)
                .expectExceptionMessage(org.hamcrest.Matchers.startsWith("displayName: "))
                .expectNoEvents();
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
