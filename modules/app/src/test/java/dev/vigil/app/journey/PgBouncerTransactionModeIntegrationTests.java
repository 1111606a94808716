package dev.vigil.app.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.zaxxer.hikari.HikariDataSource;
import dev.vigil.platform.sql.RequestStatements;
import dev.vigil.platform.testing.PgBouncerServer;
import dev.vigil.platform.testing.TestTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Vigil through PgBouncer 1.18 in transaction mode, configured as docs/pooling.md says
 * ({@code vigil.test.pgbouncer=true}: {@code prepareThreshold=0}, the session timeouts on the role, Flyway on a
 * direct connection). PgBouncer has 5 server connections for the test pool's 10 client connections, so
 * consecutive transactions of one client connection run on different server connections.
 * <p>
 * Inherits the whole product journey (every module's endpoints and processors, the alert policy, billing's
 * lifecycle job, and every read model rebuilt and compared row for row), and adds what transaction pooling could
 * break: the session settings, a statement budget, the per-user advisory lock, idempotency keys and a rebuild
 * through the admin endpoint.
 * <p>
 * Needs Debian's {@code pgbouncer}; on a machine without it the class is skipped, unless
 * {@code VIGIL_REQUIRE_PGBOUNCER=1}, which CI sets after installing it.
 */
@SpringBootTest(properties = {"vigil.test.pgbouncer=true", "vigil.billing.lifecycle.interval=1s"})
@AutoConfigureMockMvc
class PgBouncerTransactionModeIntegrationTests extends ProductJourneyIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** {@code JdbcUserAlertLock}'s namespace ("ALRT"); its key is the user id's hash code. */
    private static final int ALERT_LOCK_NAMESPACE = 0x414C5254;

    @Autowired
    PgBouncerServer pgbouncer;

    @Autowired
    TransactionTemplate transactions;

    @Value("${spring.flyway.url}")
    String directUrl;

    @Value("${spring.datasource.username:postgres}")
    String username;

    /** Runs before the context (and its PgBouncer) starts. */
    @BeforeAll
    static void pgbouncerIsInstalled() {
        if ("1".equals(System.getenv("VIGIL_REQUIRE_PGBOUNCER"))) {
            assertThat(PgBouncerServer.installed()).as(PgBouncerServer.EXECUTABLE + " (VIGIL_REQUIRE_PGBOUNCER=1)").isTrue();
        }
        assumeTrue(PgBouncerServer.installed(), "pgbouncer is not installed (apt-get install pgbouncer)");
    }

    @Test
    void thePoolGoesThroughPgBouncerWithTheSessionTimeoutsSetOnTheRole() {
        assertThat(jdbc.sql("SELECT current_setting('statement_timeout')").query(String.class).single())
                .isEqualTo("5s");
        assertThat(jdbc.sql("SELECT current_setting('idle_in_transaction_session_timeout')").query(String.class)
                .single()).isEqualTo("30s");
        long before = pgbouncer.stats().get("total_xact_count");
        jdbc.sql("SELECT 1").query(Integer.class).single();
        assertThat(pgbouncer.stats().get("total_xact_count")).isGreaterThan(before);
        Map<String, Long> pool = pgbouncer.pool();
        assertThat(pool.get("sv_active") + pool.get("sv_idle") + pool.get("sv_used") + pool.get("sv_tested")
                + pool.get("sv_login")).as("server connections").isLessThanOrEqualTo(5);
    }

    @Test
    void aReadKeepsItsStatementBudget() throws Exception {
        UUID user = register("budget@example.org");
        MvcResult result = mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, TestTokens.user(user)))
                .andExpect(status().isOk()).andReturn();
        assertThat(result.getRequest().getAttribute(RequestStatements.REQUEST_ATTRIBUTE)).isEqualTo(1);
    }

    @Test
    void aUsersAlertCommandWaitsForTheAdvisoryLockAnotherTransactionHolds() throws Exception {
        UUID user = register("locked@example.org");
        raiseAlerts(user);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(s -> {
                jdbc.sql("SELECT pg_advisory_xact_lock(?, ?)").params(ALERT_LOCK_NAMESPACE, user.hashCode())
                        .query(rows -> { });
                held.countDown();
                await(release);
            }), threads);
            assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();

            CompletableFuture<Integer> readAll = CompletableFuture.supplyAsync(() -> statusOf(
                    post("/api/v1/alerts/read-all"), user), threads);
            Awaitility.await().atMost(PATIENCE).until(() -> waitingForAdvisoryLocks() == 1);
            assertThat(readAll).as("waits while the other transaction holds the user's lock").isNotDone();

            release.countDown();
            holder.get(10, TimeUnit.SECONDS);
            assertThat(readAll.get(10, TimeUnit.SECONDS)).isBetween(200, 299);
        }
        Awaitility.await().atMost(PATIENCE).until(() -> unreadAlerts(user) == 0);
    }

    @Test
    void concurrentAlertCommandsOfOneUserAllEndReadAndNeverFail() throws Exception {
        UUID user = register("concurrent@example.org");
        List<UUID> alerts = raiseAlerts(user);
        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            for (int round = 0; round < 4; round++) {
                answers.add(CompletableFuture.supplyAsync(() -> statusOf(post("/api/v1/alerts/read-all"), user), threads));
                for (UUID alert : alerts) {
                    answers.add(CompletableFuture.supplyAsync(
                            () -> statusOf(post("/api/v1/alerts/{id}/read", alert), user), threads));
                }
            }
            for (CompletableFuture<Integer> answer : answers) {
                // 409 is the documented answer to two "read all" of one inbox at the same instant
                assertThat(answer.get(60, TimeUnit.SECONDS)).isIn(200, 204, 409);
            }
        }
        Awaitility.await().atMost(PATIENCE).until(() -> unreadAlerts(user) == 0);
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstAnswer() throws Exception {
        String body = """
                {"email": "idempotent@example.org", "displayName": "Once", "timeZone": "UTC"}""";
        String first = mvc.perform(post("/internal/v1/users").header(HttpHeaders.AUTHORIZATION, TestTokens.service())
                        .header("Idempotency-Key", "register-once").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String again = mvc.perform(post("/internal/v1/users").header(HttpHeaders.AUTHORIZATION, TestTokens.service())
                        .header("Idempotency-Key", "register-once").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        assertThat(again).isEqualTo(first);
        assertThat(jdbc.sql("SELECT count(*) FROM axon.domain_event_entry WHERE payload_type LIKE '%UserRegistered'"
                + " AND convert_from(payload, 'UTF8')::jsonb ->> 'email' = 'idempotent@example.org'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aRebuildThroughTheAdminEndpointReplaysTheReadModel() throws Exception {
        UUID user = register("rebuilt@example.org");
        Awaitility.await().atMost(PATIENCE).until(() -> profiles(user) == 1);
        MvcResult started = mvc.perform(post("/admin/projections/identity-user-profile/rebuild")
                        .header(HttpHeaders.AUTHORIZATION, TestTokens.admin()))
                .andExpect(request().asyncStarted()).andReturn();
        mvc.perform(asyncDispatch(started)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("done identity-user-profile")));
        assertThat(profiles(user)).isEqualTo(1);
    }

    /**
     * Not a check: prints what transaction pooling costs per transaction on this machine, direct to PostgreSQL
     * against through PgBouncer, measured alternately in one run (docs/pooling.md records the figures).
     */
    @Test
    void printsWhatTransactionPoolingCosts() {
        jdbc.sql("CREATE TABLE IF NOT EXISTS public.pooling_cost (id bigserial PRIMARY KEY, value int NOT NULL)")
                .update();
        try (HikariDataSource direct = benchmarkPool(directUrl, null);
                HikariDataSource directUnprepared = benchmarkPool(directUrl, 0);
                HikariDataSource bounced = benchmarkPool(pgbouncer.jdbcUrl(), 0)) {
            Map<String, HikariDataSource> pools = Map.of("direct", direct, "direct-prepareThreshold0", directUnprepared,
                    "pgbouncer", bounced);
            Map<String, long[]> nanos = new java.util.LinkedHashMap<>();
            for (String name : List.of("direct", "direct-prepareThreshold0", "pgbouncer")) {
                nanos.put(name, new long[2]);
            }
            int reads = 2_000;
            int writes = 500;
            for (int pass = 0; pass < 3; pass++) { // pass 0 warms up; the pools take turns, so drift hits all three
                for (String name : nanos.keySet()) {
                    JdbcClient client = JdbcClient.create(pools.get(name));
                    long read = time(reads, () -> client.sql("SELECT value FROM public.pooling_cost WHERE id = ?")
                            .param(1L).query(Integer.class).optional());
                    TransactionTemplate inTransaction = new TransactionTemplate(
                            new org.springframework.jdbc.support.JdbcTransactionManager(pools.get(name)));
                    long write = time(writes, () -> inTransaction.executeWithoutResult(s -> {
                        client.sql("INSERT INTO public.pooling_cost (value) VALUES (?)").param(1).update();
                        client.sql("SELECT count(*) FROM public.pooling_cost WHERE id = 1").query(Long.class).single();
                    }));
                    if (pass > 0) {
                        nanos.get(name)[0] += read;
                        nanos.get(name)[1] += write;
                    }
                }
            }
            double directRead = nanos.get("direct")[0] / (2.0 * reads);
            double directWrite = nanos.get("direct")[1] / (2.0 * writes);
            nanos.forEach((name, total) -> {
                double read = total[0] / (2.0 * reads);
                double write = total[1] / (2.0 * writes);
                System.out.printf("pooling-cost: %-25s read %6.0f us (x%.2f)  write transaction %6.0f us (x%.2f)%n",
                        name, read / 1000, read / directRead, write / 1000, write / directWrite);
            });
        }
    }

    private static long time(int times, Runnable work) {
        long start = System.nanoTime();
        for (int i = 0; i < times; i++) {
            work.run();
        }
        return System.nanoTime() - start;
    }

    private HikariDataSource benchmarkPool(String url, Integer prepareThreshold) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername(username);
        pool.setMaximumPoolSize(1);
        pool.setPoolName("pooling-cost");
        if (prepareThreshold != null) {
            pool.addDataSourceProperty("prepareThreshold", prepareThreshold.toString()); // pgjdbc reads strings only
        }
        return pool;
    }

    private UUID register(String email) throws Exception {
        String created = mvc.perform(post("/internal/v1/users").header(HttpHeaders.AUTHORIZATION, TestTokens.service())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"email": "%s", "displayName": "Bounced", "timeZone": "UTC"}""".formatted(email)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return UUID.fromString(json.readTree(created).get("id").asText());
    }

    /** Three findings of MEDIUM and above: three alerts, raised by the policy a moment later. */
    private List<UUID> raiseAlerts(UUID user) throws Exception {
        mvc.perform(post("/internal/v1/monitoring/users/{id}/findings", user)
                        .header(HttpHeaders.AUTHORIZATION, TestTokens.service())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"findings": [%s, %s, %s]}""".formatted(finding("One", "HIGH"), finding("Two", "MEDIUM"),
                                finding("Three", "CRITICAL"))))
                .andExpect(status().isOk());
        Awaitility.await().atMost(PATIENCE).until(() -> unreadAlerts(user) == 3);
        return jdbc.sql("SELECT alert_id FROM alerting.alert_feed WHERE user_id = ?").param(user).query(UUID.class).list();
    }

    private static String finding(String source, String severity) {
        return """
                {"sourceName": "%s", "sourceKind": "DATA_BROKER", "dataTypes": ["EMAIL"], "severity": "%s",
                 "foundAt": "2026-11-01T10:00:00Z"}""".formatted(source, severity);
    }

    private int statusOf(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, UUID user) {
        try {
            return mvc.perform(request.header(HttpHeaders.AUTHORIZATION, TestTokens.user(user))).andReturn()
                    .getResponse().getStatus();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long unreadAlerts(UUID user) {
        return jdbc.sql("SELECT count(*) FROM alerting.alert_feed WHERE user_id = ? AND status = 'UNREAD'").param(user)
                .query(Long.class).single();
    }

    private long profiles(UUID user) {
        return jdbc.sql("SELECT count(*) FROM identity.user_profile_view WHERE user_id = ?").param(user)
                .query(Long.class).single();
    }

    /** Sessions of this test's database that PostgreSQL shows waiting for an advisory lock. */
    private long waitingForAdvisoryLocks() {
        return jdbc.sql("""
                        SELECT count(*) FROM pg_locks
                        WHERE locktype = 'advisory' AND NOT granted
                          AND database = (SELECT oid FROM pg_database WHERE datname = current_database())""")
                .query(Long.class).single();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
