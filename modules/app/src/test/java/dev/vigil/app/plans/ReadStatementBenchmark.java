package dev.vigil.app.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.vigil.platform.paging.KeysetPosition;
import dev.vigil.platform.testing.TestTokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

/**
 * p50/p95/p99 execution time of every read statement on a seeded database, by PostgreSQL's own clock
 * ({@code EXPLAIN (ANALYZE, TIMING OFF)}: pg_stat_statements is not loaded on the shared server), for random heavy
 * and light users: first page, page 200 by cursor (heavy users with 200 pages), offset 5,000 (heavy), and the lookups.
 * Printed, not asserted: {@code bin/bench-reads [--db-url URL] [--iterations N]}, results in docs/performance.md.
 * <p>
 * The statements are the service's own: it runs here on its usual empty test database, serves one request per
 * statement shape for a made-up user, and each statement is captured with its parameters. The benchmark then binds
 * a seeded user (and a page-200 position, or an id) in place of the made-up values and times the statement on the
 * seeded database, read-only.
 */
@SpringBootTest(properties = {"vigil.cache.enabled=false", "vigil.billing.lifecycle.enabled=false"})
@Import(StatementCaptureConfiguration.class)
@AutoConfigureMockMvc
@EnabledIfSystemProperty(named = "vigil.benchmark.reads", matches = "\\d+")
class ReadStatementBenchmark {

    private static final int LIMIT = 50;
    private static final int OFFSET = 5_000;
    /** Deep pages tried, deepest first: page 200 of 50 continues after the 9,950th row. */
    private static final int[] DEEP_PAGES = {200, 100, 20};
    private static final int POSITIONED_USERS = 20;

    @Autowired
    MockMvc mvc;

    @Autowired
    StatementCapture capture;

    private final UUID madeUpUser = UUID.randomUUID();
    private final UUID madeUpAlert = UUID.randomUUID();
    private final UUID madeUpExposure = UUID.randomUUID();
    private final Random random = new Random(42);

    @Test
    void printPercentilesPerStatement() throws Exception {
        int iterations = Integer.getInteger("vigil.benchmark.reads");
        String url = System.getProperty("vigil.benchmark.db-url", "jdbc:postgresql://127.0.0.1:5432/vigil_perf");
        LatencyTable table = new LatencyTable();
        try (Connection connection = DriverManager.getConnection(url, System.getProperty("vigil.benchmark.db-user",
                "postgres"), System.getProperty("vigil.benchmark.db-password", "postgres"))) {
            try (Statement readOnly = connection.createStatement()) {
                readOnly.execute("SET default_transaction_read_only = on"); // another engineer's database: look only
            }
            BenchmarkUsers users = BenchmarkUsers.load(connection);
            PlanExplainer timer = new PlanExplainer(connection, PlanExplainer.EXECUTION_TIME);
            for (String path : List.of("/api/v1/dashboard", "/api/v1/me", "/api/v1/me/subscription",
                    "/api/v1/alerts/" + madeUpAlert, "/api/v1/exposures/" + madeUpExposure)) {
                CapturedStatement lookup = captured(path, "");
                table.add(lookup.name(), "lookup", "heavy", time(timer, lookup, users.heavy(), users, iterations));
                table.add(lookup.name(), "lookup", "light", time(timer, lookup, users.light(), users, iterations));
            }
            for (Shape shape : shapes()) {
                CapturedStatement keyset = captured(shape.path(), shape.filters() + "limit=" + LIMIT);
                CapturedStatement offset = captured(shape.path(), shape.filters() + "limit=" + LIMIT + "&offset=" + OFFSET);
                table.add(keyset.name(), "first", "light", time(timer, keyset, users.light(), users, iterations));
                table.add(keyset.name(), "first", "heavy", time(timer, keyset, users.heavy(), users, iterations));
                DeepPage deep = timeDeepPage(connection, timer, keyset, offset, users.heavy(), iterations);
                table.add(keyset.name(), deep.page(), "heavy", deep.timings());
                table.add(offset.name(), "offset 5000", "heavy", time(timer, offset, users.heavy(), users, iterations));
            }
        }
        String report = "Read statements on " + url + ", " + iterations + " runs per line:\n" + table.render();
        System.out.println(report);
        Files.writeString(Path.of("target", "read-statement-benchmark.txt"), report);
    }

    /** A list request: its path and its filters as a query-string prefix ("" or "status=READ&"). */
    private record Shape(String path, String filters) {
    }

    /** One filter combination per statement (the first of the plan suite's lists to reach each). */
    private List<Shape> shapes() throws Exception {
        Map<String, Shape> byStatement = new LinkedHashMap<>();
        for (String path : List.of(ListFilters.ALERTS, ListFilters.EXPOSURES)) {
            for (String filter : path.equals(ListFilters.ALERTS) ? ListFilters.ALERT_FILTERS : ListFilters.EXPOSURE_FILTERS) {
                Shape shape = new Shape(path, filter.isEmpty() ? "" : filter + "&");
                byStatement.putIfAbsent(captured(path, shape.filters() + "limit=" + LIMIT).name(), shape);
            }
        }
        return List.copyOf(byStatement.values());
    }

    /** The one statement the service runs for this request of the made-up user. */
    private CapturedStatement captured(String path, String query) throws Exception {
        List<CapturedStatement> statements;
        capture.start();
        try {
            int status = mvc.perform(get(query.isEmpty() ? path : path + "?" + query)
                    .header(HttpHeaders.AUTHORIZATION, TestTokens.user(madeUpUser))).andReturn().getResponse().getStatus();
            assertThat(status).as("GET %s?%s", path, query).isIn(200, 404);
        } finally {
            statements = capture.stop();
        }
        assertThat(statements).as("statements of GET %s?%s", path, query).hasSize(1);
        return statements.getFirst();
    }

    /**
     * Times the statement for random users of the pool. Each user's first run is timed apart (cold: its rows may have
     * to come from disk, or the OS cache, into PostgreSQL's buffers), then the random runs (warm).
     */
    private Timings time(PlanExplainer timer, CapturedStatement statement, List<UUID> pool, BenchmarkUsers users,
            int iterations) {
        Timings timings = new Timings(new ArrayList<>(), new ArrayList<>());
        for (UUID user : pool) {
            timings.cold().add(timer.explain(statement.replacing(valuesFor(user, users))).executionMs());
        }
        for (int i = 0; i < iterations; i++) {
            UUID user = pool.get(random.nextInt(pool.size()));
            timings.warm().add(timer.explain(statement.replacing(valuesFor(user, users))).executionMs());
        }
        return timings;
    }

    private Map<Object, Object> valuesFor(UUID user, BenchmarkUsers users) {
        Map<Object, Object> values = new LinkedHashMap<>();
        values.put(madeUpUser, user);
        values.put(madeUpAlert, users.newestAlert().get(user));
        values.put(madeUpExposure, users.newestExposure().get(user));
        return values;
    }

    /**
     * A deep page by cursor: the keyset statement bound to the position after page 199 of a heavy user's list (after
     * the 9,950th row). Where no heavy user has 200 pages of a filter, the deepest of page 100 or 20 that some have.
     */
    private DeepPage timeDeepPage(Connection connection, PlanExplainer timer, CapturedStatement keyset,
            CapturedStatement offset, List<UUID> heavy, int iterations) throws Exception {
        for (int page : DEEP_PAGES) {
            Map<UUID, KeysetPosition> positions = new LinkedHashMap<>();
            for (UUID user : heavy.subList(0, Math.min(POSITIONED_USERS, heavy.size()))) {
                KeysetPosition position = rowAt(connection, offset, user, (page - 1) * LIMIT);
                if (position != null) {
                    positions.put(user, position);
                }
            }
            if (positions.isEmpty()) {
                continue;
            }
            List<UUID> users = List.copyOf(positions.keySet());
            Timings timings = new Timings(new ArrayList<>(), new ArrayList<>());
            for (UUID user : users) {
                timings.cold().add(timer.explain(atPosition(keyset, user, positions.get(user))).executionMs());
            }
            for (int i = 0; i < iterations; i++) {
                UUID user = users.get(random.nextInt(users.size()));
                timings.warm().add(timer.explain(atPosition(keyset, user, positions.get(user))).executionMs());
            }
            return new DeepPage("page " + page, timings);
        }
        return new DeepPage("page 20", new Timings(List.of(), List.of()));
    }

    private CapturedStatement atPosition(CapturedStatement keyset, UUID user, KeysetPosition position) {
        return keyset.replacing(Map.of(madeUpUser, user, KeysetPosition.START.createdAtUtc(), position.createdAtUtc(),
                KeysetPosition.START.id(), position.id()));
    }

    private record DeepPage(String page, Timings timings) {
    }

    /** The (created_at, id) of the user's row at 1-based {@code rank}, read with the offset statement itself. */
    private KeysetPosition rowAt(Connection connection, CapturedStatement offset, UUID user, int rank) throws Exception {
        // the offset statement was captured with offset 5,000 and limit 50 (fetch 51, per-range 5,051)
        CapturedStatement one = offset.replacing(Map.of(madeUpUser, user, OFFSET, rank - 1, LIMIT + 1, 1,
                OFFSET + LIMIT + 1, rank));
        try (PreparedStatement statement = connection.prepareStatement(one.sql())) {
            one.bindTo(statement);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return null;
                }
                String id = one.name().startsWith("alerting.") ? "alert_id" : "exposure_id";
                return new KeysetPosition(rows.getObject("created_at", OffsetDateTime.class).toInstant(),
                        rows.getObject(id, UUID.class));
            }
        }
    }
}
