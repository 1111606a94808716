package dev.vigil.app.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.platform.sql.RequestStatements;
import dev.vigil.platform.testing.ExpectedLogs;
import dev.vigil.platform.testing.ReplicatedPostgres;
import dev.vigil.platform.testing.TestTokens;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The service on a real primary and a streaming hot standby that replays a second behind
 * ({@link ReplicatedPostgres}, {@code recovery_min_apply_delay = 1s}): a writer always reads their own write, the
 * other users' reads are served by the standby, and when the standby stops every read still answers, from the
 * primary, until it returns.
 */
@SpringBootTest(properties = "vigil.test.replicated-postgres=true")
@AutoConfigureMockMvc
@DirtiesContext // closed with the class, so it never polls a standby that the JVM's exit has already stopped
class ReadReplicaIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final int WRITERS = 8;
    private static final int PAIRS_PER_WRITER = 125;

    @RegisterExtension
    final ExpectedLogs logs = ExpectedLogs.from("dev.vigil.platform.jdbc", "com.zaxxer.hikari");

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    MeterRegistry meters;

    @Autowired
    JdbcClient primary;

    @BeforeEach
    void replicaServes() {
        Awaitility.await().atMost(PATIENCE).until(() -> meters.get("vigil.replica.available").gauge().value() == 1);
    }

    @Test
    void aWriterReadsEveryOwnWriteWhileTheStandbyIsBehindAndOtherUsersReadFromTheStandby() throws Exception {
        UUID other = register("reader");
        List<UUID> writers = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            writers.add(register("writer" + i));
        }
        double ownWritesBefore = reads("primary", "own_write_not_replayed");

        AtomicInteger stale = new AtomicInteger();
        long started = System.nanoTime();
        try (ExecutorService threads = Executors.newFixedThreadPool(WRITERS)) {
            List<Future<?>> done = new ArrayList<>();
            for (UUID writer : writers) {
                done.add(threads.submit(() -> {
                    for (int pair = 0; pair < PAIRS_PER_WRITER; pair++) {
                        String name = "Name " + pair;
                        send(put("/api/v1/me/profile"), TestTokens.user(writer),
                                "{\"displayName\": \"" + name + "\", \"timeZone\": \"UTC\"}");
                        if (!name.equals(read(writer, "/api/v1/me").get("displayName").asText())) {
                            stale.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> writer : done) {
                writer.get();
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("replica: %d write-then-read pairs in %d ms, %d stale%n", WRITERS * PAIRS_PER_WRITER,
                took.toMillis(), stale.get());

        assertThat(stale).as("reads that missed the writer's own write").hasValue(0);
        assertThat(reads("primary", "own_write_not_replayed") - ownWritesBefore)
                .as("writers' reads kept on the primary until the standby replayed their write")
                .isGreaterThanOrEqualTo(WRITERS * PAIRS_PER_WRITER);

        // the other user's registration is replayed by now or soon: an uncached read (an offset page) of theirs
        // goes to the standby, and so does each first (uncached) read of their other views
        Awaitility.await().atMost(PATIENCE).untilAsserted(() -> {
            double before = reads("replica", "replica");
            read(other, "/api/v1/alerts?offset=0");
            assertThat(reads("replica", "replica")).isGreaterThan(before);
        });
        for (String path : List.of("/api/v1/me", "/api/v1/me/subscription", "/api/v1/dashboard",
                "/api/v1/exposures")) {
            double before = reads("replica", "replica");
            MvcResult result = mvc.perform(get(path).header(HttpHeaders.AUTHORIZATION, TestTokens.user(other)))
                    .andReturn();
            assertThat(reads("replica", "replica")).as(path).isEqualTo(before + 1);
            assertThat(result.getRequest().getAttribute(RequestStatements.REQUEST_ATTRIBUTE))
                    .as("statements of %s, counted on the replica's pool too", path).isEqualTo(1);
        }
    }

    @Test
    void whenTheStandbyStopsReadsMoveToThePrimaryWithoutErrorsAndComeBackWhenItReturns() throws Exception {
        logs.allow(Level.WARN, "event=replica_unavailable").allow(Level.WARN, "marked as broken")
                .allow(Level.WARN, "Connection is not available");
        UUID reader = register("fallback");
        Awaitility.await().atMost(PATIENCE).untilAsserted(() -> {
            double before = reads("replica", "replica");
            read(reader, "/api/v1/alerts?offset=0");
            assertThat(reads("replica", "replica")).isGreaterThan(before);
        });

        AtomicBoolean reading = new AtomicBoolean(true);
        AtomicInteger requests = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        ReplicatedPostgres pair = ReplicatedPostgres.shared();
        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 4; i++) {
                threads.submit(() -> {
                    while (reading.get()) {
                        int status = mvc.perform(get("/api/v1/alerts?offset=0")
                                .header(HttpHeaders.AUTHORIZATION, TestTokens.user(reader))).andReturn()
                                .getResponse().getStatus();
                        requests.incrementAndGet();
                        if (status != 200) {
                            failures.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
            long stopped = System.nanoTime();
            pair.stopStandby();
            Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(10))
                    .until(() -> meters.get("vigil.replica.available").gauge().value() == 0);
            System.out.printf("replica: reads on the primary %d ms after the standby was told to stop%n",
                    Duration.ofNanos(System.nanoTime() - stopped).toMillis());
            double onPrimary = reads("primary", "replica_unavailable");
            Awaitility.await().atMost(PATIENCE).until(() -> reads("primary", "replica_unavailable") > onPrimary);

            pair.startStandby();
            Awaitility.await().atMost(PATIENCE).until(() -> meters.get("vigil.replica.available").gauge().value() == 1);
            double onReplica = reads("replica", "replica");
            Awaitility.await().atMost(PATIENCE).until(() -> reads("replica", "replica") > onReplica);
            reading.set(false);
        } finally {
            reading.set(false);
        }
        System.out.printf("replica: %d reads across the standby's stop and start, %d failed, %s fallbacks%n",
                requests.get(), failures.get(), meters.get("vigil.replica.fallbacks").counter().count());
        assertThat(failures).as("failed reads out of " + requests.get()).hasValue(0);
    }

    private double reads(String pool, String reason) {
        Counter counter = meters.find("vigil.reads").tags("pool", pool, "reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private UUID register(String name) throws Exception {
        JsonNode created = send(post("/internal/v1/users"), TestTokens.service(),
                "{\"email\": \"" + name + "-" + UUID.randomUUID() + "@example.org\", \"displayName\": \"" + name
                        + "\", \"timeZone\": \"UTC\"}");
        return UUID.fromString(created.get("id").asText());
    }

    private JsonNode read(UUID user, String path) throws Exception {
        MvcResult result = mvc.perform(get(path).header(HttpHeaders.AUTHORIZATION, TestTokens.user(user))).andReturn();
        assertThat(result.getResponse().getStatus()).as(path + ": " + result.getResponse().getContentAsString())
                .isEqualTo(200);
        return json.readTree(result.getResponse().getContentAsString());
    }

    private JsonNode send(MockHttpServletRequestBuilder request, String token, String body) throws Exception {
        MvcResult result = mvc.perform(request.header(HttpHeaders.AUTHORIZATION, token)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isBetween(200, 201);
        return json.readTree(result.getResponse().getContentAsString());
    }
}
