package dev.vigil.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.app.VigilApplication;
import dev.vigil.identity.api.RegisterUser;
import dev.vigil.platform.id.TimeOrderedIds;
import dev.vigil.platform.testing.EventStoreRows;
import dev.vigil.platform.testing.ExpectedLogs;
import dev.vigil.platform.testing.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.axonframework.eventhandling.Segment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two instances of the real application on one database, each on a port of its own (docs/projections.md, "Several
 * instances"): they split every processor's segments evenly, a write on either is visible on the same instance the
 * moment it answers (whichever instance applied it), with about the same latency on both; a third instance that
 * stops cleanly hands its segments back at once, and the segments of one that crashes are taken over within the
 * bound.
 * <p>
 * The first instance makes the test database (as every test context does) and the others join it. A crash in one
 * JVM: the instance's projection threads (workers, coordinators, heartbeat) are stopped dead, so it neither
 * releases nor extends a claim, exactly what the others see when a process dies.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** The takeover bound the settings give: claim timeout 4 s + one claim interval (1 s). */
    private static final Duration TAKEOVER_BOUND = Duration.ofSeconds(5);
    private static final int WRITES_PER_INSTANCE = 120;
    private static final String PROFILE_PROCESSOR = "identity-user-profile";

    /** What the crashed instance says when its context is closed after the crash. */
    @RegisterExtension
    final ExpectedLogs crashLogs = ExpectedLogs.from("org.axonframework", "dev.vigil.platform.axon");

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private ConfigurableApplicationContext first;
    private ConfigurableApplicationContext second;
    private JdbcClient jdbc;

    @BeforeAll
    void startTwoInstances() {
        first = new SpringApplicationBuilder(VigilApplication.class).properties("server.port=0").run();
        second = join();
        jdbc = first.getBean(JdbcClient.class);
    }

    @AfterAll
    void stopInstances() {
        if (second != null && second.isActive()) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    @Test
    @Order(1)
    void everyInstanceHoldsAnEvenShareOfEveryProcessorsSegments() {
        awaitEvenSplit(List.of(nodeOf(first), nodeOf(second)));
        printOwners();
    }

    @Test
    @Order(2)
    void aWriteOnEitherInstanceIsVisibleThereWhenItAnswersWithAboutTheSameLatency() throws Exception {
        awaitEvenSplit(List.of(nodeOf(first), nodeOf(second)));
        List<Long> firstNanos = new ArrayList<>();
        List<Long> secondNanos = new ArrayList<>();
        for (int i = 0; i < WRITES_PER_INSTANCE; i++) { // interleaved, so both see the same machine
            firstNanos.add(writeAndReadBack(first, "first-" + i));
            secondNanos.add(writeAndReadBack(second, "second-" + i));
        }
        Collections.sort(firstNanos);
        Collections.sort(secondNanos);
        double firstP95 = percentileMillis(firstNanos, 0.95);
        double secondP95 = percentileMillis(secondNanos, 0.95);
        double firstP50 = percentileMillis(firstNanos, 0.5);
        double secondP50 = percentileMillis(secondNanos, 0.5);
        System.out.printf("write (register) latency over %d writes per instance: first p50=%.1fms p95=%.1fms, "
                        + "second p50=%.1fms p95=%.1fms, p95 ratio second/first=%.2f%n", WRITES_PER_INSTANCE,
                firstP50, firstP95, secondP50, secondP95, secondP95 / firstP95);
        // Symmetric by design (each applies half the writes of the other): a ratio far from 1 means one instance
        // waits for something the other does not. The margin is wide so a busy machine's noise cannot fail it.
        assertThat(secondP50 / firstP50).as("median latency ratio second/first").isBetween(0.5, 2.0);
        assertThat(first.getBean(ConsistentCommandGateway.class)).isNotNull();
    }

    @Test
    @Order(3)
    void anInstanceThatStopsCleanlyReleasesItsSegmentsAtOnceAndTheOthersTakeThemOver() {
        ConfigurableApplicationContext third = join();
        String thirdNode = nodeOf(third);
        awaitEvenSplit(List.of(nodeOf(first), nodeOf(second), thirdNode));

        third.close();

        assertThat(segmentsOwnedBy(thirdNode)).as("claims left by the stopped instance").isZero();
        awaitEvenSplit(List.of(nodeOf(first), nodeOf(second)));
    }

    /**
     * The other instance parks the event (its user's earlier event was parked there, so this one queues behind it):
     * the write on this instance, which waited on the token store, answers write-not-visible, not 2xx.
     */
    @Test
    @Order(4)
    void aWriteWhoseEventTheOtherInstanceParksAnswersWriteNotVisible() throws Exception {
        awaitEvenSplit(List.of(nodeOf(first), nodeOf(second)));
        UUID userId = register(first, "parked-elsewhere");
        String holder = ownerOfSegmentFor(userId, PROFILE_PROCESSOR);
        ConfigurableApplicationContext writer = holder.equals(nodeOf(first)) ? second : first;
        crashLogs.allow(ch.qos.logback.classic.Level.ERROR, "processor=dashboard-summary"); // parks it as well
        poison(userId);
        crashLogs.assertLogged(ch.qos.logback.classic.Level.ERROR, "event=projection_dead_lettered processor="
                + PROFILE_PROCESSOR + " user=" + userId);

        HttpResponse<String> update = http.send(HttpRequest.newBuilder(uri(writer, "/api/v1/me/profile"))
                .header("authorization", TestTokens.user(userId)).header("content-type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"displayName\":\"Fixed Later\",\"timeZone\":\"UTC\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(update.statusCode()).as(update.body()).isEqualTo(503);
        assertThat(json.readTree(update.body()).get("type").asText())
                .isEqualTo("https://vigil.dev/problems/write-not-visible");
        // logged by the other instance once its transaction has committed, so perhaps a moment after the answer
        Awaitility.await().atMost(PATIENCE).untilAsserted(() -> crashLogs.assertLogged(ch.qos.logback.classic.Level.ERROR,
                "cause=queued_behind_earlier_dead_letter"));
    }

    @Test
    @Order(5)
    void theSegmentsOfACrashedInstanceAreTakenOverWithinTheBoundAndNoWriteAnswers2xxUnseen() throws Exception {
        awaitEvenSplit(List.of(nodeOf(first), nodeOf(second)));
        String crashed = nodeOf(second);
        int held = segmentsOwnedBy(crashed);
        Segment orphaned = segmentOwnedBy(crashed, PROFILE_PROCESSOR);

        long crashedAt = System.nanoTime();
        second.getBean(ProjectionWorkers.class).halt();

        // a write whose projection ran on the crashed instance: it waits, and either shows or is refused, never 2xx unseen
        UUID userId = userIn(orphaned);
        try {
            first.getBean(ConsistentCommandGateway.class)
                    .send(new RegisterUser(userId, "orphan@example.org", "Orphan", "UTC"));
            assertThat(profileRows(userId)).as("a write that answered is visible").isEqualTo(1L);
        } catch (WriteNotConfirmedException refused) {
            crashLogs.assertLogged(ch.qos.logback.classic.Level.WARN, "event=projection_wait_timeout");
        }

        Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50))
                .until(() -> segmentsOwnedBy(crashed) == 0);
        Duration takeover = Duration.ofNanos(System.nanoTime() - crashedAt);
        System.out.printf("takeover of %d segments after a crash: %d ms (bound %d ms)%n", held, takeover.toMillis(),
                TAKEOVER_BOUND.toMillis());
        awaitEvenSplit(List.of(nodeOf(first)));
        Awaitility.await().atMost(PATIENCE).until(() -> profileRows(userId) == 1L);
        assertThat(takeover).as("takeover time (the settings' bound, plus room for a busy machine)")
                .isLessThan(TAKEOVER_BOUND.multipliedBy(2));
        crashLogs.allow(ch.qos.logback.classic.Level.WARN, "");
        crashLogs.allow(ch.qos.logback.classic.Level.ERROR, "");
        second.close();
    }

    /** Another instance on the first one's database and Redis keys, on a port of its own. */
    private ConfigurableApplicationContext join() {
        return new SpringApplicationBuilder(VigilApplication.class).properties(
                "server.port=0",
                "vigil.test.isolation=false",
                "spring.datasource.url=" + first.getEnvironment().getRequiredProperty("spring.datasource.url"),
                "vigil.redis.key-prefix=" + first.getEnvironment().getRequiredProperty("vigil.redis.key-prefix"),
                "spring.datasource.hikari.maximum-pool-size=10",
                "spring.datasource.hikari.minimum-idle=1").run();
    }

    /** Registers a user on {@code instance} and reads the profile back there at once; returns the write's time. */
    private long writeAndReadBack(ConfigurableApplicationContext instance, String name) throws Exception {
        long started = System.nanoTime();
        UUID userId = register(instance, name);
        long nanos = System.nanoTime() - started;
        HttpResponse<String> me = http.send(HttpRequest.newBuilder(uri(instance, "/api/v1/me"))
                .header("authorization", TestTokens.user(userId)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).as("own profile right after the write (%s)", name).isEqualTo(200);
        JsonNode profile = json.readTree(me.body());
        assertThat(profile.get("displayName").asText()).isEqualTo(name);
        return nanos;
    }

    private UUID register(ConfigurableApplicationContext instance, String name) throws Exception {
        String body = json.writeValueAsString(Map.of("email", name + "@example.org", "displayName", name, "timeZone", "UTC"));
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(uri(instance, "/internal/v1/users"))
                .header("authorization", TestTokens.service()).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as("register on %s: %s", name, created.body()).isEqualTo(201);
        return UUID.fromString(json.readTree(created.body()).get("id").asText());
    }

    /**
     * An event the identity projection cannot apply (a NUL in a display name, which PostgreSQL refuses in text),
     * written straight into the event store as DeadLetterIntegrationTests does; waits until it is parked.
     */
    private void poison(UUID userId) {
        String eventId = EventStoreRows.appendSecond(jdbc, userId, "dev.vigil.identity.api.ProfileUpdated", """
                {"userId":"%s","displayName":"nul\\u0000name","timeZone":"UTC","updatedAt":"%s"}"""
                .formatted(userId, Instant.now()));
        Awaitility.await().atMost(PATIENCE).until(() -> jdbc.sql(
                        "SELECT count(*) FROM axon.dead_letter_entry WHERE processing_group = :group "
                                + "AND event_identifier = :eventId")
                .param("group", PROFILE_PROCESSOR).param("eventId", eventId).query(Long.class).single() == 1L);
    }

    /** The instance holding the segment of {@code processor} that {@code userId}'s events fall in. */
    private String ownerOfSegmentFor(UUID userId, String processor) {
        List<Integer> ids = jdbc.sql("SELECT segment FROM axon.token_entry WHERE processor_name = :processor")
                .param("processor", processor).query(Integer.class).list();
        int[] all = ids.stream().mapToInt(Integer::intValue).toArray();
        int segment = ids.stream().filter(id -> Segment.computeSegment(id, all).matches(userId)).findFirst().orElseThrow();
        return jdbc.sql("SELECT owner FROM axon.token_entry WHERE processor_name = :processor AND segment = :segment")
                .param("processor", processor).param("segment", segment).query(String.class).single();
    }

    private static URI uri(ConfigurableApplicationContext instance, String path) {
        int port = ((WebServerApplicationContext) instance).getWebServer().getPort();
        return URI.create("http://localhost:" + port + path);
    }

    private static String nodeOf(ConfigurableApplicationContext instance) {
        return instance.getBean(ProjectionInstances.class).nodeId();
    }

    /** Waits until every processor's segments are held by exactly these instances, within one of an even split. */
    private void awaitEvenSplit(List<String> nodes) {
        Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            Map<String, Map<String, Long>> owners = owners();
            assertThat(owners).as("processors with tokens").isNotEmpty();
            owners.forEach((processor, byOwner) -> {
                long segments = byOwner.values().stream().mapToLong(Long::longValue).sum();
                assertThat(byOwner.keySet()).as("owners of %s", processor).containsExactlyInAnyOrderElementsOf(nodes);
                byOwner.forEach((owner, held) -> assertThat((double) held).as("%s of %s", owner, processor)
                        .isBetween(Math.floor((double) segments / nodes.size()), Math.ceil((double) segments / nodes.size())));
            });
        });
    }

    /** processor → owner → segments held; an unclaimed segment's owner is "-". */
    private Map<String, Map<String, Long>> owners() {
        return jdbc.sql("SELECT processor_name, coalesce(owner, '-') AS owner FROM axon.token_entry")
                .query((row, i) -> Map.entry(row.getString(1), row.getString(2))).list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.groupingBy(Map.Entry::getValue, Collectors.counting())));
    }

    private void printOwners() {
        owners().forEach((processor, byOwner) -> System.out.printf("segments of %s: %s%n", processor, byOwner));
    }

    private int segmentsOwnedBy(String node) {
        return jdbc.sql("SELECT count(*) FROM axon.token_entry WHERE owner = :node").param("node", node)
                .query(Integer.class).single();
    }

    private Segment segmentOwnedBy(String node, String processor) {
        List<Integer> ids = jdbc.sql("SELECT segment FROM axon.token_entry WHERE processor_name = :processor")
                .param("processor", processor).query(Integer.class).list();
        int owned = jdbc.sql("SELECT min(segment) FROM axon.token_entry WHERE processor_name = :processor AND owner = :node")
                .param("processor", processor).param("node", node).query(Integer.class).single();
        return Segment.computeSegment(owned, ids.stream().mapToInt(Integer::intValue).toArray());
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

    private static double percentileMillis(List<Long> sortedNanos, double percentile) {
        int index = (int) Math.ceil(percentile * sortedNanos.size()) - 1;
        return sortedNanos.get(Math.max(0, index)) / 1_000_000.0;
    }
}
