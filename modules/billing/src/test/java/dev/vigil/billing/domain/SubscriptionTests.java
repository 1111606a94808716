package dev.vigil.billing.domain;

import static dev.vigil.billing.api.Plan.FAMILY;
import static dev.vigil.billing.api.Plan.FREE;
import static dev.vigil.billing.api.Plan.PLUS;

import ch.qos.logback.classic.Level;
import dev.vigil.billing.api.CancelSubscription;
import dev.vigil.billing.api.ChangePlan;
import dev.vigil.billing.api.Expire;
import dev.vigil.billing.api.NoticeExpiry;
import dev.vigil.billing.api.PaymentFailed;
import dev.vigil.billing.api.PlanChanged;
import dev.vigil.billing.api.RecordPaymentFailure;
import dev.vigil.billing.api.RenewSubscription;
import dev.vigil.billing.api.StartSubscription;
import dev.vigil.billing.api.SubscriptionCancelled;
import dev.vigil.billing.api.SubscriptionExpired;
import dev.vigil.billing.api.SubscriptionExpiring;
import dev.vigil.billing.api.SubscriptionRenewed;
import dev.vigil.billing.api.SubscriptionStarted;
import dev.vigil.billing.api.SubscriptionStatus;
import dev.vigil.platform.input.InvalidInput;
import dev.vigil.platform.testing.ExpectedLogs;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.axonframework.modelling.command.AbstractRepository;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubscriptionTests {

    private static final Instant T0 = Instant.parse("2026-01-31T10:15:30.123456Z");
    /** One calendar month after T0 (February has no 31st). */
    private static final Instant PAID_END = Instant.parse("2026-02-28T10:15:30.123456Z");
    private static final Instant TRIAL_END = Instant.parse("2026-02-14T10:15:30.123456Z");

    private final UUID userId = UUID.randomUUID();
    private final Set<UUID> registered = new HashSet<>();
    private AggregateTestFixture<Subscription> fixture;

    @BeforeEach
    void setUp() {
        registered.add(userId);
        fixture = new AggregateTestFixture<>(Subscription.class);
        fixture.registerInjectableResource((KnownUsers) registered::contains);
    }

    private SubscriptionStarted paidStart() {
        return new SubscriptionStarted(userId, PLUS, false, PAID_END, T0);
    }

    private SubscriptionStarted trialStart() {
        return new SubscriptionStarted(userId, PLUS, true, TRIAL_END, T0);
    }

    private static Instant at(Instant base, Duration plus) {
        return base.plus(plus);
    }

    @Nested
    class Starting {

        @Test
        void aPaidStartRunsOneCalendarMonthFromTheEventTime() {
            fixture.givenCurrentTime(T0)
                    .when(new StartSubscription(userId, PLUS, false))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new SubscriptionStarted(userId, PLUS, false, PAID_END, T0));
        }

        @Test
        void aTrialRunsFourteenDays() {
            fixture.givenCurrentTime(T0)
                    .when(new StartSubscription(userId, FAMILY, true))
                    .expectEvents(new SubscriptionStarted(userId, FAMILY, true, TRIAL_END, T0));
        }

        @Test
        void theEventTimeIsKeptToTheMicrosecondAsPostgresqlStoresIt() {
            Instant withNanos = Instant.parse("2026-03-01T00:00:00.123456789Z");
            Instant micros = Instant.parse("2026-03-01T00:00:00.123456Z");
            fixture.givenCurrentTime(withNanos)
                    .when(new StartSubscription(userId, PLUS, true))
                    .expectEvents(new SubscriptionStarted(userId, PLUS, true, micros.plus(Duration.ofDays(14)), micros));
        }

        @Test
        void anUnknownUserIsRejected() {
            UUID stranger = UUID.randomUUID();
            fixture.givenNoPriorActivity()
                    .when(new StartSubscription(stranger, PLUS, false))
                    .expectException(UnknownUser.class)
                    .expectNoEvents();
        }

        @Test
        void aSecondStartWhileActiveOrTrialingIsRejected() {
            fixture.given(paidStart())
                    .when(new StartSubscription(userId, FAMILY, false))
                    .expectException(SubscriptionAlreadyStarted.class)
                    .expectNoEvents();
            fixture.given(trialStart())
                    .when(new StartSubscription(userId, FAMILY, false))
                    .expectException(SubscriptionAlreadyStarted.class)
                    .expectNoEvents();
        }

        @Test
        void aSecondStartWhileCancelledOrPastDueIsRejected() {
            fixture.given(paidStart(), new SubscriptionCancelled(userId, PLUS, PAID_END, T0))
                    .when(new StartSubscription(userId, PLUS, false))
                    .expectException(SubscriptionAlreadyStarted.class)
                    .expectNoEvents();
            fixture.given(paidStart(), new PaymentFailed(userId, PLUS, PAID_END, "card declined", T0))
                    .when(new StartSubscription(userId, PLUS, false))
                    .expectException(SubscriptionAlreadyStarted.class)
                    .expectNoEvents();
        }

        @Test
        void afterExpiryTheSameAggregateStartsAgain() {
            Instant later = at(PAID_END, Duration.ofDays(10));
            fixture.given(paidStart(), new SubscriptionExpired(userId, PLUS, PAID_END))
                    .andGivenCurrentTime(later)
                    .when(new StartSubscription(userId, FAMILY, true))
                    .expectEvents(new SubscriptionStarted(userId, FAMILY, true, later.plus(Duration.ofDays(14)), later));
        }
    }

    @Nested
    class ChangingPlan {

        /** Axon's own line for a command whose aggregate cannot be loaded; the test expects the refusal. */
        @RegisterExtension
        final ExpectedLogs rejections = ExpectedLogs.from(AbstractRepository.class);

        @Test
        void emitsPlanChangedWithThePreviousPlan() {
            Instant now = at(T0, Duration.ofDays(2));
            fixture.given(paidStart()).andGivenCurrentTime(now)
                    .when(new ChangePlan(userId, FAMILY))
                    .expectEvents(new PlanChanged(userId, PLUS, FAMILY, now));
        }

        @Test
        void theSamePlanChangesNothing() {
            fixture.given(paidStart(), new PlanChanged(userId, PLUS, FREE, T0))
                    .when(new ChangePlan(userId, FREE))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void anExpiredSubscriptionIsRejected() {
            fixture.given(paidStart(), new SubscriptionExpired(userId, PLUS, PAID_END))
                    .when(new ChangePlan(userId, FAMILY))
                    .expectException(SubscriptionStatusConflict.class)
                    .expectNoEvents();
        }

        @Test
        void withoutASubscriptionThereIsNothingToChange() {
            fixture.givenNoPriorActivity()
                    .when(new ChangePlan(userId, FAMILY))
                    .expectException(org.axonframework.modelling.command.AggregateNotFoundException.class)
                    .expectNoEvents();
            rejections.assertLogged(Level.WARN, "Exception occurred while trying to load a aggregate");
        }
    }

    @Nested
    class Cancelling {

        @Test
        void staysActiveUntilThePeriodEnd() {
            Instant now = at(T0, Duration.ofDays(5));
            fixture.given(paidStart()).andGivenCurrentTime(now)
                    .when(new CancelSubscription(userId))
                    .expectEvents(new SubscriptionCancelled(userId, PLUS, PAID_END, now));
        }

        @Test
        void aTrialCanBeCancelledAndPastDueToo() {
            fixture.given(trialStart()).andGivenCurrentTime(T0)
                    .when(new CancelSubscription(userId))
                    .expectEvents(new SubscriptionCancelled(userId, PLUS, TRIAL_END, T0));
            fixture.given(paidStart(), new PaymentFailed(userId, PLUS, PAID_END, "declined", T0)).andGivenCurrentTime(T0)
                    .when(new CancelSubscription(userId))
                    .expectEvents(new SubscriptionCancelled(userId, PLUS, PAID_END, T0));
        }

        @Test
        void cancellingTwiceChangesNothing() {
            fixture.given(paidStart(), new SubscriptionCancelled(userId, PLUS, PAID_END, T0))
                    .when(new CancelSubscription(userId))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void anExpiredSubscriptionIsRejected() {
            fixture.given(paidStart(), new SubscriptionExpired(userId, PLUS, PAID_END))
                    .when(new CancelSubscription(userId))
                    .expectException(SubscriptionStatusConflict.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Renewing {

        private final Instant nextEnd = Instant.parse("2026-03-28T10:15:30Z");

        @Test
        void movesThePeriodEndForward() {
            Instant now = at(PAID_END, Duration.ofHours(-1));
            fixture.given(paidStart()).andGivenCurrentTime(now)
                    .when(new RenewSubscription(userId, nextEnd))
                    .expectEvents(new SubscriptionRenewed(userId, PLUS, nextEnd, now));
        }

        @Test
        void aRenewalToTheSameOrAnEarlierPeriodEndChangesNothing() {
            fixture.given(paidStart(), new SubscriptionRenewed(userId, PLUS, nextEnd, T0))
                    .when(new RenewSubscription(userId, nextEnd))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
            fixture.given(paidStart(), new SubscriptionRenewed(userId, PLUS, nextEnd, T0))
                    .when(new RenewSubscription(userId, PAID_END))
                    .expectNoEvents();
        }

        @Test
        void bringsATrialAPastDueAndACancelledSubscriptionBackToActive() {
            fixture.given(trialStart()).andGivenCurrentTime(TRIAL_END)
                    .when(new RenewSubscription(userId, nextEnd))
                    .expectEvents(new SubscriptionRenewed(userId, PLUS, nextEnd, TRIAL_END));
            fixture.given(paidStart(), new PaymentFailed(userId, PLUS, PAID_END, "declined", T0))
                    .andGivenCurrentTime(T0)
                    .when(new RenewSubscription(userId, nextEnd))
                    .expectEvents(new SubscriptionRenewed(userId, PLUS, nextEnd, T0));
            fixture.given(paidStart(), new SubscriptionCancelled(userId, PLUS, PAID_END, T0))
                    .andGivenCurrentTime(T0)
                    .when(new RenewSubscription(userId, nextEnd))
                    .expectEvents(new SubscriptionRenewed(userId, PLUS, nextEnd, T0));
        }

        @Test
        void afterRenewalAPaymentFailureCountsAgain() {
            // PAST_DUE, renewed back to ACTIVE: the next period's failure is a new one
            fixture.given(paidStart(), new PaymentFailed(userId, PLUS, PAID_END, "declined", T0),
                            new SubscriptionRenewed(userId, PLUS, nextEnd, T0))
                    .andGivenCurrentTime(T0)
                    .when(new RecordPaymentFailure(userId, "expired card"))
                    .expectEvents(new PaymentFailed(userId, PLUS, nextEnd, "expired card", T0));
        }

        @Test
        void anExpiredSubscriptionIsRejected() {
            fixture.given(paidStart(), new SubscriptionExpired(userId, PLUS, PAID_END))
                    .when(new RenewSubscription(userId, nextEnd))
                    .expectException(SubscriptionStatusConflict.class)
                    .expectNoEvents();
        }

        /** PostgreSQL cannot store these (or stores -infinity): refused whoever sends the command, before any status check. */
        @ParameterizedTest
        @ValueSource(strings = {"+294277-01-01T00:00:00Z", "+10000-01-01T00:00:00Z", "-5000-01-01T00:00:00Z",
                "1969-12-31T23:59:59Z"})
        void aPeriodEndOutsideTheInstantPolicyIsRejectedNamingTheField(String periodEnd) {
            fixture.given(paidStart())
                    .when(new RenewSubscription(userId, Instant.parse(periodEnd)))
                    .expectException(InvalidInput.class)
                    .expectExceptionMessage(
                            "periodEnd: must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59.999999Z")
                    .expectNoEvents();
            fixture.given(paidStart(), new SubscriptionExpired(userId, PLUS, PAID_END))
                    .when(new RenewSubscription(userId, Instant.parse(periodEnd)))
                    .expectException(InvalidInput.class)
                    .expectNoEvents();
        }

        @Test
        void aPeriodEndIsKeptToTheMicrosecond() {
            fixture.given(paidStart()).andGivenCurrentTime(T0)
                    .when(new RenewSubscription(userId, Instant.parse("2026-03-28T10:15:30.123456789Z")))
                    .expectEvents(new SubscriptionRenewed(userId, PLUS, Instant.parse("2026-03-28T10:15:30.123456Z"), T0));
        }
    }

    @Nested
    class FailingPayment {

        @Test
        void makesTheSubscriptionPastDue() {
            fixture.given(paidStart()).andGivenCurrentTime(PAID_END)
                    .when(new RecordPaymentFailure(userId, "card declined"))
                    .expectEvents(new PaymentFailed(userId, PLUS, PAID_END, "card declined", PAID_END));
        }

        @Test
        void aTrialWhosePaymentFailsIsPastDue() {
            fixture.given(trialStart()).andGivenCurrentTime(TRIAL_END)
                    .when(new RecordPaymentFailure(userId, "card declined"))
                    .expectEvents(new PaymentFailed(userId, PLUS, TRIAL_END, "card declined", TRIAL_END));
        }

        @Test
        void aSecondFailureInThePeriodChangesNothing() {
            fixture.given(paidStart(), new PaymentFailed(userId, PLUS, PAID_END, "card declined", T0))
                    .when(new RecordPaymentFailure(userId, "card declined again"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(strings = {"card\u0000declined", "card\ndeclined", "\uD800", "   "})
        void aReasonTheTextPolicyRefusesIsRejectedNamingTheField(String reason) {
            fixture.given(paidStart())
                    .when(new RecordPaymentFailure(userId, reason))
                    .expectException(InvalidInput.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.startsWith("reason: "))
                    .expectNoEvents();
        }

        @Test
        void aReasonIsStoredWithoutSurroundingSpaceAndMayHoldTwoHundredCharacters() {
            String reason = "\uD83D\uDCB3".repeat(Subscription.MAX_PAYMENT_FAILURE_REASON_LENGTH);
            fixture.given(paidStart()).andGivenCurrentTime(PAID_END)
                    .when(new RecordPaymentFailure(userId, " " + reason + " "))
                    .expectEvents(new PaymentFailed(userId, PLUS, PAID_END, reason, PAID_END));
            fixture.given(paidStart())
                    .when(new RecordPaymentFailure(userId, "x".repeat(Subscription.MAX_PAYMENT_FAILURE_REASON_LENGTH + 1)))
                    .expectException(InvalidInput.class)
                    .expectNoEvents();
        }

        @Test
        void aCancelledOrExpiredSubscriptionIsRejected() {
            fixture.given(paidStart(), new SubscriptionCancelled(userId, PLUS, PAID_END, T0))
                    .when(new RecordPaymentFailure(userId, "late webhook"))
                    .expectException(SubscriptionStatusConflict.class)
                    .expectNoEvents();
            fixture.given(paidStart(), new SubscriptionExpired(userId, PLUS, PAID_END))
                    .when(new RecordPaymentFailure(userId, "late webhook"))
                    .expectException(SubscriptionStatusConflict.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class NoticingExpiry {

        private final Instant threeDaysBefore = PAID_END.minus(Duration.ofDays(3));

        @Test
        void aCancelledSubscriptionIsNoticedOnce() {
            fixture.given(paidStart(), new SubscriptionCancelled(userId, PLUS, PAID_END, T0))
                    .andGivenCurrentTime(threeDaysBefore)
                    .when(new NoticeExpiry(userId))
                    .expectEvents(new SubscriptionExpiring(userId, PLUS, SubscriptionStatus.CANCELLED, PAID_END, threeDaysBefore));
            fixture.given(paidStart(), new SubscriptionCancelled(userId, PLUS, PAID_END, T0),
                            new SubscriptionExpiring(userId, PLUS, SubscriptionStatus.CANCELLED, PAID_END, threeDaysBefore))
                    .andGivenCurrentTime(threeDaysBefore.plusSeconds(60))
                    .when(new NoticeExpiry(userId))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void pastDueSubscriptionsAndTrialsAreNoticed() {
            fixture.given(paidStart(), new PaymentFailed(userId, PLUS, PAID_END, "declined", T0))
                    .andGivenCurrentTime(threeDaysBefore)
                    .when(new NoticeExpiry(userId))
                    .expectEvents(new SubscriptionExpiring(userId, PLUS, SubscriptionStatus.PAST_DUE, PAID_END, threeDaysBefore));
            Instant beforeTrialEnd = TRIAL_END.minus(Duration.ofDays(2));
            fixture.given(trialStart()).andGivenCurrentTime(beforeTrialEnd)
                    .when(new NoticeExpiry(userId))
                    .expectEvents(new SubscriptionExpiring(userId, PLUS, SubscriptionStatus.TRIALING, TRIAL_END, beforeTrialEnd));
        }

        @Test
        void anActiveSubscriptionRenewsByItselfAndIsNotNoticed() {
            fixture.given(paidStart()).andGivenCurrentTime(threeDaysBefore)
                    .when(new NoticeExpiry(userId))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aRenewedPeriodIsNoticedAgainWhenItLapses() {
            Instant nextEnd = PAID_END.plus(Duration.ofDays(28));
            Instant beforeNextEnd = nextEnd.minus(Duration.ofDays(1));
            fixture.given(paidStart(),
                            new SubscriptionCancelled(userId, PLUS, PAID_END, T0),
                            new SubscriptionExpiring(userId, PLUS, SubscriptionStatus.CANCELLED, PAID_END, threeDaysBefore),
                            new SubscriptionRenewed(userId, PLUS, nextEnd, PAID_END),
                            new PaymentFailed(userId, PLUS, nextEnd, "declined", nextEnd.minus(Duration.ofDays(2))))
                    .andGivenCurrentTime(beforeNextEnd)
                    .when(new NoticeExpiry(userId))
                    .expectEvents(new SubscriptionExpiring(userId, PLUS, SubscriptionStatus.PAST_DUE, nextEnd, beforeNextEnd));
        }

        @Test
        void aPeriodThatHasAlreadyEndedIsNotNoticedButExpired() {
            fixture.given(paidStart(), new SubscriptionCancelled(userId, PLUS, PAID_END, T0))
                    .andGivenCurrentTime(PAID_END)
                    .when(new NoticeExpiry(userId))
                    .expectNoEvents();
        }

        @Test
        void anExpiredSubscriptionIsNotNoticed() {
            fixture.given(trialStart(), new SubscriptionExpired(userId, PLUS, TRIAL_END))
                    .andGivenCurrentTime(T0)
                    .when(new NoticeExpiry(userId))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    @Nested
    class Expiring {

        @Test
        void expiresOnceThePeriodEndHasPassed() {
            fixture.given(paidStart(), new SubscriptionCancelled(userId, PLUS, PAID_END, T0))
                    .andGivenCurrentTime(PAID_END)
                    .when(new Expire(userId))
                    .expectEvents(new SubscriptionExpired(userId, PLUS, PAID_END));
        }

        @Test
        void beforeThePeriodEndNothingHappens() {
            fixture.given(paidStart(), new SubscriptionCancelled(userId, PLUS, PAID_END, T0))
                    .andGivenCurrentTime(PAID_END.minusNanos(1000))
                    .when(new Expire(userId))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void anUnrenewedActiveSubscriptionExpiresWithTheCurrentPlan() {
            Instant afterGrace = PAID_END.plus(Duration.ofDays(3));
            fixture.given(paidStart(), new PlanChanged(userId, PLUS, FAMILY, T0))
                    .andGivenCurrentTime(afterGrace)
                    .when(new Expire(userId))
                    .expectEvents(new SubscriptionExpired(userId, FAMILY, afterGrace));
        }

        @Test
        void aRenewedSubscriptionDoesNotExpireAtTheOldPeriodEnd() {
            fixture.given(paidStart(), new PaymentFailed(userId, PLUS, PAID_END, "declined", T0),
                            new SubscriptionRenewed(userId, PLUS, PAID_END.plus(Duration.ofDays(28)), T0))
                    .andGivenCurrentTime(PAID_END.plusSeconds(1))
                    .when(new Expire(userId))
                    .expectNoEvents();
        }

        @Test
        void expiringTwiceChangesNothing() {
            fixture.given(trialStart(), new SubscriptionExpired(userId, PLUS, TRIAL_END))
                    .andGivenCurrentTime(TRIAL_END.plusSeconds(60))
                    .when(new Expire(userId))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }
}
