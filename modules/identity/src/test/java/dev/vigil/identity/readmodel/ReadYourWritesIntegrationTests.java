package dev.vigil.identity.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.identity.IdentityTestApplication;
import dev.vigil.identity.api.RegisterUser;
import dev.vigil.identity.api.UpdateProfile;
import dev.vigil.platform.axon.ConsistentCommandGateway;
import dev.vigil.platform.id.TimeOrderedIds;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A command sent through {@link ConsistentCommandGateway} returns only after the read model has applied
 * its event, and the projection delay stays small because the processors are woken, not polling.
 * Prints the measured delay and wait percentiles (docs/projections.md). The timeout is longer than the default
 * so that the segment-claim tests can tell a wait that ended because the event was applied from one that ran out.
 */
@SpringBootTest(classes = IdentityTestApplication.class, properties = {
        "management.metrics.distribution.percentiles.vigil.projection=0.5,0.95,0.99",
        "vigil.projections.read-your-writes-timeout=30s"})
class ReadYourWritesIntegrationTests {

    private static final int COMMANDS = 200;
    private static final String PROCESSOR = UserProfileProjection.PROCESSING_GROUP;
    private static final Duration CLAIMED_AFTER = Duration.ofSeconds(1);

    @Autowired
    ConsistentCommandGateway commands;

    @Autowired
    CommandGateway otherClient;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void everyCommandReturnsAfterItsReadRowCommittedAndNoWaitTimesOut() {
        for (int i = 0; i < COMMANDS; i++) {
            UUID userId = TimeOrderedIds.next();
            commands.send(new RegisterUser(userId, "ryow-" + i + "@example.org", "User " + i, "UTC"));
            assertThat(jdbc.sql("SELECT count(*) FROM identity.user_profile_view WHERE user_id = :id")
                    .param("id", userId).query(Long.class).single())
                    .as("profile row of command %d visible on return", i).isEqualTo(1L);
        }
        assertThat(meters.get("vigil.projection.wait.timeouts").counter().count()).isZero();

        Timer delay = meters.get("vigil.projection.delay").tag("processor", "identity-user-profile").timer();
        Timer wait = meters.get("vigil.projection.wait").timer();
        System.out.printf("projection over %d commands: delay p50=%.1fms p95=%.1fms p99=%.1fms max=%.1fms; "
                        + "command wait p95=%.1fms max=%.1fms%n", COMMANDS,
                percentile(delay, 0.5), percentile(delay, 0.95), percentile(delay, 0.99), delay.max(TimeUnit.MILLISECONDS),
                percentile(wait, 0.95), wait.max(TimeUnit.MILLISECONDS));
        assertThat(delay.count()).isGreaterThanOrEqualTo(COMMANDS);
    }

    @Test
    void aBatchOfCommandsWaitsOnceForAllOfThem() {
        long waitsBefore = meters.get("vigil.projection.wait").timer().count();
        java.util.List<UUID> users = commands.together(() -> {
            java.util.List<UUID> sent = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                UUID userId = TimeOrderedIds.next();
                commands.send(new RegisterUser(userId, "batch-" + i + "@example.org", "Batch " + i, "UTC"));
                sent.add(userId);
            }
            return sent;
        });
        assertThat(jdbc.sql("SELECT count(*) FROM identity.user_profile_view WHERE user_id IN (:ids)")
                .param("ids", users).query(Long.class).single()).isEqualTo(20L);
        assertThat(meters.get("vigil.projection.wait").timer().count()).isEqualTo(waitsBefore + 1);
    }

    /**
     * Right after start a processor has claimed some of its segments and not yet the others. An event in a segment
     * nobody holds is applied here as soon as this instance claims it, so the command waits for that. Reproduced
     * by releasing a segment and claiming it back a second after the command was sent.
     */
    @Test
    void aCommandWaitsForItsEventInASegmentThisInstanceHasNotClaimedYet() throws Exception {
        StreamingEventProcessor processor = processor();
        Segment released = releaseOneSegment(processor);
        UUID userId = userIn(released);
        double timeoutsBefore = timeouts();
        long started = System.nanoTime();
        CompletableFuture<Boolean> claimedLater = CompletableFuture.supplyAsync(
                () -> processor.claimSegment(released.getSegmentId()).join(),
                CompletableFuture.delayedExecutor(CLAIMED_AFTER.toMillis(), TimeUnit.MILLISECONDS));

        commands.send(new RegisterUser(userId, "unclaimed@example.org", "Unclaimed", "UTC"));
        Duration waited = Duration.ofNanos(System.nanoTime() - started);

        assertThat(profileRows(userId)).as("profile row visible on return").isEqualTo(1L);
        assertThat(claimedLater.get(30, TimeUnit.SECONDS)).as("segment claimed back").isTrue();
        assertThat(waited).isGreaterThanOrEqualTo(CLAIMED_AFTER);
        assertThat(timeouts()).isEqualTo(timeoutsBefore);
    }

    /**
     * A segment that another live node holds is that node's work, and the command waits for that node to apply the
     * event: it watches the segment's token in the token store. Here the test plays the other node: once the event
     * is stored, it gives the segment back and this instance claims and applies it, which moves the token.
     */
    @Test
    void aCommandWaitsForASegmentAnotherNodeHoldsUntilItsTokenHasPassedTheEvent() throws Exception {
        StreamingEventProcessor processor = processor();
        Segment released = releaseOneSegment(processor);
        jdbc.sql("UPDATE axon.token_entry SET owner = 'another-node', timestamp = :now "
                        + "WHERE processor_name = :processor AND segment = :segment")
                .param("now", DateTimeUtils.formatInstant(Instant.now())).param("processor", PROCESSOR)
                .param("segment", released.getSegmentId()).update();
        UUID userId = userIn(released);
        double timeoutsBefore = timeouts();

        CompletableFuture<Object> sent = CompletableFuture.supplyAsync(() ->
                commands.send(new RegisterUser(userId, "elsewhere@example.org", "Elsewhere", "UTC")));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                        "SELECT count(*) FROM axon.domain_event_entry WHERE aggregate_identifier = :id")
                .param("id", userId.toString()).query(Long.class).single() == 1L);
        assertThat(sent).as("still waiting while the other node has not applied the event").isNotDone();

        jdbc.sql("UPDATE axon.token_entry SET owner = NULL WHERE processor_name = :processor AND segment = :segment")
                .param("processor", PROCESSOR).param("segment", released.getSegmentId()).update();
        assertThat(processor.claimSegment(released.getSegmentId()).join()).isTrue();
        sent.get(30, TimeUnit.SECONDS);

        assertThat(profileRows(userId)).as("profile row visible on return").isEqualTo(1L);
        assertThat(timeouts()).isEqualTo(timeoutsBefore);
    }

    /**
     * A command that changes nothing publishes no event, yet its caller is told the change is made. When another
     * client made the same change a moment earlier (two tabs marking one alert read; bin/cluster-faults caught it),
     * the read model may not show it yet: the command waits until it does. Here the other client's event is stored
     * while nobody holds its segment, which this instance claims back a second later.
     */
    @Test
    void aCommandThatChangesNothingWaitsForTheSameChangeAnotherClientJustMade() throws Exception {
        UUID userId = TimeOrderedIds.next();
        double timeoutsBefore = timeouts();
        long started = System.nanoTime();
        CompletableFuture<Boolean> claimedLater = anotherClientRenames(userId, "After");

        commands.send(new UpdateProfile(userId, "After", "UTC"));
        Duration waited = Duration.ofNanos(System.nanoTime() - started);

        assertThat(jdbc.sql("SELECT display_name FROM identity.user_profile_view WHERE user_id = :id")
                .param("id", userId).query(String.class).single()).as("the change, visible on return").isEqualTo("After");
        assertThat(claimedLater.get(30, TimeUnit.SECONDS)).as("segment claimed back").isTrue();
        assertThat(waited).isGreaterThanOrEqualTo(CLAIMED_AFTER);
        assertThat(timeouts()).isEqualTo(timeoutsBefore);
    }

    /**
     * Several callers waiting for one event share its expectation: each returns once it is applied. (When the second
     * replaced the first's, the first waited out its timeout: the fuzz suite's concurrent no-op subscription
     * commands answered 503.)
     */
    @Test
    void concurrentCommandsThatChangeNothingAllReturnOnceTheChangeTheyFoundIsApplied() throws Exception {
        UUID userId = TimeOrderedIds.next();
        double timeoutsBefore = timeouts();
        CompletableFuture<Boolean> claimedLater = anotherClientRenames(userId, "After");

        List<CompletableFuture<Object>> callers = IntStream.range(0, 3).mapToObj(i -> CompletableFuture.supplyAsync(
                () -> commands.send(new UpdateProfile(userId, "After", "UTC")))).toList();
        for (CompletableFuture<Object> caller : callers) {
            caller.get(30, TimeUnit.SECONDS);
        }

        assertThat(claimedLater.get(30, TimeUnit.SECONDS)).as("segment claimed back").isTrue();

        assertThat(timeouts()).as("no caller waited out its timeout").isEqualTo(timeoutsBefore);
        assertThat(jdbc.sql("SELECT display_name FROM identity.user_profile_view WHERE user_id = :id")
                .param("id", userId).query(String.class).single()).isEqualTo("After");
    }

    @Test
    void aCommandThatChangesNothingOfAChangeLongAppliedReturnsAtOnce() {
        UUID userId = TimeOrderedIds.next();
        commands.send(new RegisterUser(userId, "same-" + userId + "@example.org", "Same", "UTC"));
        double timeoutsBefore = timeouts();

        commands.send(new UpdateProfile(userId, "Same", "UTC"));

        assertThat(timeouts()).as("no wait ran out").isEqualTo(timeoutsBefore);
    }

    /**
     * Registers the user (applied), then plays another client renaming them while nobody holds their segment: the
     * event is stored and not applied until this instance claims the segment back, {@link #CLAIMED_AFTER} from now.
     */
    private CompletableFuture<Boolean> anotherClientRenames(UUID userId, String name) {
        commands.send(new RegisterUser(userId, "renamed-" + userId + "@example.org", "Before", "UTC"));
        StreamingEventProcessor processor = processor();
        Segment released = release(processor, processor.processingStatus().values().stream()
                .map(status -> status.getSegment()).filter(segment -> segment.matches(userId)).findFirst().orElseThrow());
        otherClient.sendAndWait(new UpdateProfile(userId, name, "UTC"));
        return CompletableFuture.supplyAsync(() -> processor.claimSegment(released.getSegmentId()).join(),
                CompletableFuture.delayedExecutor(CLAIMED_AFTER.toMillis(), TimeUnit.MILLISECONDS));
    }

    private StreamingEventProcessor processor() {
        StreamingEventProcessor processor = processing.eventProcessor(PROCESSOR, StreamingEventProcessor.class)
                .orElseThrow();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !processor.processingStatus().isEmpty());
        return processor;
    }

    /** Releases a segment this instance holds (for longer than any test runs) and waits until nobody holds it. */
    private Segment releaseOneSegment(StreamingEventProcessor processor) {
        return release(processor, processor.processingStatus().values().iterator().next().getSegment());
    }

    /** Releases {@code segment}, which this instance holds, for longer than any test runs; waits until nobody holds it. */
    private Segment release(StreamingEventProcessor processor, Segment segment) {
        processor.releaseSegment(segment.getSegmentId(), 1, TimeUnit.MINUTES);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                !processor.processingStatus().containsKey(segment.getSegmentId())
                        && jdbc.sql("SELECT owner IS NULL FROM axon.token_entry WHERE processor_name = :processor "
                                        + "AND segment = :segment")
                                .param("processor", PROCESSOR).param("segment", segment.getSegmentId())
                                .query(Boolean.class).single());
        return segment;
    }

    /** A new user whose events the per-user sequencing puts in {@code segment}. */
    private static UUID userIn(Segment segment) {
        UUID userId = TimeOrderedIds.next();
        while (!segment.matches(userId)) {
            userId = TimeOrderedIds.next();
        }
        return userId;
    }

    private long profileRows(UUID userId) {
        return jdbc.sql("SELECT count(*) FROM identity.user_profile_view WHERE user_id = :id")
                .param("id", userId).query(Long.class).single();
    }

    private double timeouts() {
        return meters.get("vigil.projection.wait.timeouts").counter().count();
    }

    private static double percentile(Timer timer, double percentile) {
        for (ValueAtPercentile value : timer.takeSnapshot().percentileValues()) {
            if (value.percentile() == percentile) {
                return value.value(TimeUnit.MILLISECONDS);
            }
        }
        return Double.NaN;
    }
}
