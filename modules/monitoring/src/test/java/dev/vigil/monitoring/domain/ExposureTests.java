package dev.vigil.monitoring.domain;

import static dev.vigil.monitoring.api.DataType.ADDRESS;
import static dev.vigil.monitoring.api.DataType.EMAIL;
import static dev.vigil.monitoring.api.DataType.PHONE;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.vigil.identity.api.UserRegistered;
import dev.vigil.monitoring.api.ConfirmRemoval;
import dev.vigil.monitoring.api.DataType;
import dev.vigil.monitoring.api.ExposureDetected;
import dev.vigil.monitoring.api.ExposureReappeared;
import dev.vigil.monitoring.api.ExposureStatus;
import dev.vigil.monitoring.api.FailRemoval;
import dev.vigil.monitoring.api.FindingOutcome;
import dev.vigil.monitoring.api.FindingReceipt;
import dev.vigil.monitoring.api.Fingerprint;
import dev.vigil.monitoring.api.RemovalConfirmed;
import dev.vigil.monitoring.api.RemovalFailed;
import dev.vigil.monitoring.api.RemovalRequested;
import dev.vigil.monitoring.api.ReportFinding;
import dev.vigil.monitoring.api.RequestRemoval;
import dev.vigil.monitoring.api.Severity;
import dev.vigil.monitoring.api.SourceKind;
import dev.vigil.platform.input.InvalidInput;
import dev.vigil.platform.testing.ExpectedLogs;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AbstractRepository;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExposureTests {

    private static final Instant FOUND = Instant.parse("2026-11-20T08:00:00Z");
    private static final Instant EARLIER = Instant.parse("2026-11-01T00:00:00Z");

    /** Axon's own line for a command whose aggregate cannot be loaded; the tests expect the refusal. */
    @RegisterExtension
    final ExpectedLogs rejections = ExpectedLogs.from(AbstractRepository.class);

    private final UUID userId = UUID.randomUUID();
    private final UUID exposureId = UUID.randomUUID();
    private final Map<String, UUID> claims = new HashMap<>();
    private final Set<UUID> knownUsers = new HashSet<>();
    private AggregateTestFixture<Exposure> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Exposure.class);
        FingerprintClaims inMemoryClaims = (user, fingerprint, candidate) -> {
            UUID holder = claims.putIfAbsent(user + "/" + fingerprint.sha256Hex(), candidate);
            return new FingerprintClaims.FingerprintClaim(holder == null ? candidate : holder, holder == null);
        };
        fixture.registerAnnotatedCommandHandler(new ExposureIntake(fixture.getRepository(), inMemoryClaims,
                knownUsers::contains));
        knownUsers.add(userId);
    }

    // --- reporting findings

    @Test
    void aNewFindingIsDetectedWithItsNameTrimmedAndItsDataTypesSortedAndDistinct() {
        fixture.givenNoPriorActivity()
                .when(report(" Acme People Search ", List.of(PHONE, EMAIL, PHONE), Severity.HIGH, FOUND))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new FindingReceipt(exposureId, FindingOutcome.CREATED))
                .expectEvents(new ExposureDetected(exposureId, userId, "Acme People Search", SourceKind.DATA_BROKER,
                        List.of(EMAIL, PHONE), Severity.HIGH, FOUND, fixture.currentTime()));
        assertThat(claims).containsValue(exposureId);
    }

    @Test
    void aFindingForAUserIdentityNeverRegisteredIsRejectedAndClaimsNothing() {
        knownUsers.clear();
        fixture.givenNoPriorActivity()
                .when(report("Acme", List.of(EMAIL), Severity.LOW, FOUND))
                .expectException(UnknownUser.class)
                .expectNoEvents();
        assertThat(claims).isEmpty();
    }

    /** Values a projection could not write: refused, whoever sends the command, before anything is claimed. */
    @ParameterizedTest
    @ValueSource(strings = {"Acme\u0000Search", "Acme\u001bSearch", "Acme\u2029Search", "Acme \uD83D Search",
            "\uDE00Acme"})
    void aFindingWhoseSourceNameTheTextPolicyRefusesIsRejectedAndClaimsNothing(String sourceName) {
        fixture.givenNoPriorActivity()
                .when(report(sourceName, List.of(EMAIL), Severity.LOW, FOUND))
                .expectException(InvalidInput.class)
                .expectExceptionMessage(org.hamcrest.Matchers.startsWith("sourceName: "))
                .expectNoEvents();
        assertThat(claims).isEmpty();
    }

    @Test
    void aSourceNameMayHoldTwoHundredEmoji() {
        fixture.givenNoPriorActivity()
                .when(report("\uD83D\uDD0E".repeat(Finding.MAX_SOURCE_NAME_LENGTH), List.of(EMAIL), Severity.LOW, FOUND))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aSourceNameOfMoreThanTwoHundredCharactersIsRejected() {
        fixture.givenNoPriorActivity()
                .when(report("\uD83D\uDD0E".repeat(Finding.MAX_SOURCE_NAME_LENGTH + 1), List.of(EMAIL), Severity.LOW, FOUND))
                .expectException(InvalidInput.class)
                .expectExceptionMessage("sourceName: must be at most 200 characters long, not 201")
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"+294277-01-01T00:00:00Z", "-5000-01-01T00:00:00Z", "1969-12-31T23:59:59Z"})
    void aFindingFoundOutsideTheInstantPolicyIsRejectedAndClaimsNothing(String foundAt) {
        fixture.givenNoPriorActivity()
                .when(report("Acme", List.of(EMAIL), Severity.LOW, Instant.parse(foundAt)))
                .expectException(InvalidInput.class)
                .expectExceptionMessage(
                        "foundAt: must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59.999999Z")
                .expectNoEvents();
        assertThat(claims).isEmpty();
    }

    @Test
    void foundAtIsKeptToTheMicrosecondAsPostgresqlStoresIt() {
        fixture.givenNoPriorActivity()
                .when(report("Acme", List.of(EMAIL), Severity.LOW, Instant.parse("2026-11-20T08:00:00.123456789Z")))
                .expectEvents(new ExposureDetected(exposureId, userId, "Acme", SourceKind.DATA_BROKER, List.of(EMAIL),
                        Severity.LOW, Instant.parse("2026-11-20T08:00:00.123456Z"), fixture.currentTime()));
    }

    @Test
    void theSameFindingReportedAgainIsADuplicateOfTheKnownExposure() {
        claimFor("Acme People Search", List.of(EMAIL, PHONE));
        fixture.given(detected())
                .when(report("ACME people  search", List.of(PHONE, EMAIL), Severity.CRITICAL, FOUND))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new FindingReceipt(exposureId, FindingOutcome.DUPLICATE))
                .expectNoEvents();
    }

    @Test
    void aDuplicateOfAnExposureBeingRemovedChangesNothing() {
        claimFor("Acme People Search", List.of(EMAIL, PHONE));
        fixture.given(detected(), new RemovalRequested(exposureId, userId, EARLIER))
                .when(report("Acme People Search", List.of(EMAIL, PHONE), Severity.HIGH, FOUND))
                .expectResultMessagePayload(new FindingReceipt(exposureId, FindingOutcome.DUPLICATE))
                .expectNoEvents();
    }

    @Test
    void aRemovedExposureReportedAgainReappearsWithTheNewSeverityAndFoundTime() {
        claimFor("Acme People Search", List.of(EMAIL, PHONE));
        fixture.given(detected(), new RemovalRequested(exposureId, userId, EARLIER),
                        new RemovalConfirmed(exposureId, userId, EARLIER))
                .when(report("acme people search", List.of(EMAIL, PHONE), Severity.CRITICAL, FOUND))
                .expectResultMessagePayload(new FindingReceipt(exposureId, FindingOutcome.REAPPEARED))
                .expectEvents(new ExposureReappeared(exposureId, userId, "Acme People Search", Severity.CRITICAL, FOUND,
                        fixture.currentTime()));
    }

    @Test
    void aFindingWithOtherDataTypesIsAnotherExposure() {
        claimFor("Acme People Search", List.of(EMAIL, PHONE));
        UUID other = UUID.randomUUID();
        fixture.givenNoPriorActivity() // the fixture holds one aggregate: the known one is only claimed here
                .when(new ReportFinding(userId, other, "Acme People Search", SourceKind.DATA_BROKER,
                        List.of(EMAIL, PHONE, ADDRESS), Severity.HIGH, FOUND))
                .expectResultMessagePayload(new FindingReceipt(other, FindingOutcome.CREATED))
                .expectEvents(new ExposureDetected(other, userId, "Acme People Search", SourceKind.DATA_BROKER,
                        List.of(EMAIL, PHONE, ADDRESS), Severity.HIGH, FOUND, fixture.currentTime()));
    }

    // --- requesting removal

    @Test
    void anActiveExposureCanBeAskedToBeRemoved() {
        fixture.given(detected())
                .when(new RequestRemoval(exposureId, userId))
                .expectResultMessagePayload(ExposureStatus.REMOVAL_REQUESTED)
                .expectEvents(new RemovalRequested(exposureId, userId, fixture.currentTime()));
    }

    @Test
    void aFailedRemovalCanBeRequestedAgain() {
        fixture.given(detected(), new RemovalRequested(exposureId, userId, EARLIER),
                        new RemovalFailed(exposureId, userId, "no answer", EARLIER))
                .when(new RequestRemoval(exposureId, userId))
                .expectResultMessagePayload(ExposureStatus.REMOVAL_REQUESTED)
                .expectEvents(new RemovalRequested(exposureId, userId, fixture.currentTime()));
    }

    @Test
    void aReappearedExposureCanBeAskedToBeRemovedAgain() {
        fixture.given(detected(), new RemovalRequested(exposureId, userId, EARLIER),
                        new RemovalConfirmed(exposureId, userId, EARLIER),
                        new ExposureReappeared(exposureId, userId, "Acme People Search", Severity.HIGH, FOUND, FOUND))
                .when(new RequestRemoval(exposureId, userId))
                .expectEvents(new RemovalRequested(exposureId, userId, fixture.currentTime()));
    }

    @Test
    void askingAgainWhileARemovalIsPendingChangesNothing() {
        fixture.given(detected(), new RemovalRequested(exposureId, userId, EARLIER))
                .when(new RequestRemoval(exposureId, userId))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(ExposureStatus.REMOVAL_REQUESTED)
                .expectNoEvents();
    }

    @Test
    void aRemovedExposureCannotBeAskedToBeRemoved() {
        fixture.given(detected(), new RemovalRequested(exposureId, userId, EARLIER),
                        new RemovalConfirmed(exposureId, userId, EARLIER))
                .when(new RequestRemoval(exposureId, userId))
                .expectException(RemovalNotAllowed.class)
                .expectNoEvents();
    }

    @Test
    void anotherUsersExposureIsNotFound() {
        fixture.given(detected())
                .when(new RequestRemoval(exposureId, UUID.randomUUID()))
                .expectException(ExposureNotFound.class)
                .expectNoEvents();
    }

    // --- confirming and failing removal

    @Test
    void aPendingRemovalIsConfirmed() {
        fixture.given(detected(), new RemovalRequested(exposureId, userId, EARLIER))
                .when(new ConfirmRemoval(exposureId))
                .expectResultMessagePayload(ExposureStatus.REMOVED)
                .expectEvents(new RemovalConfirmed(exposureId, userId, fixture.currentTime()));
    }

    @Test
    void confirmingAgainChangesNothing() {
        fixture.given(detected(), new RemovalRequested(exposureId, userId, EARLIER),
                        new RemovalConfirmed(exposureId, userId, EARLIER))
                .when(new ConfirmRemoval(exposureId))
                .expectResultMessagePayload(ExposureStatus.REMOVED)
                .expectNoEvents();
    }

    @Test
    void aRemovalNobodyRequestedCannotBeConfirmed() {
        fixture.given(detected())
                .when(new ConfirmRemoval(exposureId))
                .expectException(RemovalNotAllowed.class)
                .expectNoEvents();
    }

    @Test
    void aFailedRemovalCannotBeConfirmedWithoutANewRequest() {
        fixture.given(detected(), new RemovalRequested(exposureId, userId, EARLIER),
                        new RemovalFailed(exposureId, userId, "refused", EARLIER))
                .when(new ConfirmRemoval(exposureId))
                .expectException(RemovalNotAllowed.class)
                .expectNoEvents();
    }

    @Test
    void aPendingRemovalFailsWithItsReasonTrimmed() {
        fixture.given(detected(), new RemovalRequested(exposureId, userId, EARLIER))
                .when(new FailRemoval(exposureId, "  broker refused  "))
                .expectResultMessagePayload(ExposureStatus.REMOVAL_FAILED)
                .expectEvents(new RemovalFailed(exposureId, userId, "broker refused", fixture.currentTime()));
    }

    @Test
    void onlyAPendingRemovalCanFail() {
        fixture.given(detected())
                .when(new FailRemoval(exposureId, "refused"))
                .expectException(RemovalNotAllowed.class)
                .expectNoEvents();
        fixture.given(detected(), new RemovalRequested(exposureId, userId, EARLIER),
                        new RemovalFailed(exposureId, userId, "refused", EARLIER))
                .when(new FailRemoval(exposureId, "refused"))
                .expectException(RemovalNotAllowed.class)
                .expectNoEvents();
        fixture.given(detected(), new RemovalRequested(exposureId, userId, EARLIER),
                        new RemovalConfirmed(exposureId, userId, EARLIER))
                .when(new FailRemoval(exposureId, "refused"))
                .expectException(RemovalNotAllowed.class)
                .expectNoEvents();
    }

    @Test
    void aFailureNeedsAReason() {
        fixture.given(detected(), new RemovalRequested(exposureId, userId, EARLIER))
                .when(new FailRemoval(exposureId, "   "))
                .expectException(InvalidInput.class)
                .expectExceptionMessage("reason: must not be blank")
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"broker\u0000refused", "broker\nrefused", "broker \uDBFF refused"})
    void aFailureReasonTheTextPolicyRefusesIsRejectedWhateverTheStatus(String reason) {
        fixture.given(detected(), new RemovalRequested(exposureId, userId, EARLIER))
                .when(new FailRemoval(exposureId, reason))
                .expectException(InvalidInput.class)
                .expectExceptionMessage(org.hamcrest.Matchers.startsWith("reason: "))
                .expectNoEvents();
        fixture.given(detected())
                .when(new FailRemoval(exposureId, reason))
                .expectException(InvalidInput.class)
                .expectNoEvents();
    }

    /** Ids share one event store with other aggregate types; the platform answers this exception with a 404. */
    @Test
    void anIdOfAnotherKindOfAggregateDoesNotLoadAsAnExposure() {
        fixture.given(new UserRegistered(exposureId, "ann@example.org", "Ann", "UTC", EARLIER))
                .when(new ConfirmRemoval(exposureId))
                .expectException(IncompatibleAggregateException.class)
                .expectNoEvents();
        rejections.assertLogged(Level.WARN, "Exception occurred while trying to load a aggregate");
    }

    private ExposureDetected detected() {
        return new ExposureDetected(exposureId, userId, "Acme People Search", SourceKind.DATA_BROKER,
                List.of(EMAIL, PHONE), Severity.HIGH, EARLIER, EARLIER);
    }

    private ReportFinding report(String sourceName, List<DataType> dataTypes,
            Severity severity, Instant foundAt) {
        return new ReportFinding(userId, exposureId, sourceName, SourceKind.DATA_BROKER, dataTypes, severity, foundAt);
    }

    private void claimFor(String sourceName, List<DataType> dataTypes) {
        claims.put(userId + "/" + Fingerprint.of(sourceName, SourceKind.DATA_BROKER, dataTypes).sha256Hex(), exposureId);
    }
}
