package dev.vigil.app.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.platform.jdbc.JdbcUrls;
import dev.vigil.platform.testing.TestTokens;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Every read statement of the API, at volume: the service runs on a database the production seeder filled (about a
 * million alerts, {@link SeededDatabase}) with its read cache off, answers real HTTP requests for a heavy and a light
 * user, and each statement it runs is captured with its parameters and explained with {@code ANALYZE, BUFFERS}:
 * first pages, offset 5,000 and a cursor about 200 pages deep, for every filter combination of both lists, and the
 * lookups by key. {@link PlanRules} says what each plan must show; the table printed at the end shows the figures.
 * Indexes no statement used are then checked against the documented decisions ({@link UnusedIndexes}).
 */
@SpringBootTest(properties = {
        "vigil.test.isolation=false", // the seeded database, not the platform's empty per-context one
        "vigil.cache.enabled=false", // every request reaches PostgreSQL
        "vigil.billing.lifecycle.enabled=false", // no expiries changing rows while they are explained
        "spring.datasource.hikari.maximum-pool-size=4",
        "spring.datasource.hikari.minimum-idle=1",
        "vigil.redis.key-prefix=vigil-plans-test:"})
@ContextConfiguration(initializers = SeededServiceInitializer.class)
@Import(StatementCaptureConfiguration.class)
@AutoConfigureMockMvc
@DirtiesContext // closed right after the class, which drops the seeded database (not left to the JVM's exit)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadStatementPlansIntegrationTests {

    private static final int LIMIT = 50;
    private static final int OFFSET = 5_000;
    /** Offsets tried, deepest first, to take a cursor from: 10,050 rows deep is page 202 of 50. */
    private static final int[] CURSOR_DEPTHS = {10_000, 5_000, 1_000, 100, 0};

    @Autowired
    MockMvc mvc;

    @Autowired
    StatementCapture capture;

    @Autowired
    SeededDatabase database;

    @Autowired
    JdbcClient jdbc;

    private final ObjectMapper json = new ObjectMapper();
    private final PlanReport report = new PlanReport();
    private long started;
    private PlanExplainer explainer;
    private UUID heavyUser;
    private UUID lightUser;

    @BeforeAll
    void chooseUsers() throws Exception {
        started = System.nanoTime();
        explainer = new PlanExplainer(database.connect(), PlanExplainer.PLAN_WITH_BUFFERS);
        // the user with the most alerts, and a typical light one (tens of alerts), both with exposures
        heavyUser = jdbc.sql("""
                        SELECT user_id FROM dashboard.dashboard_summary
                        WHERE exposures_active + exposures_removed > 0 ORDER BY alerts_total DESC, user_id LIMIT 1""")
                .query(UUID.class).single();
        lightUser = jdbc.sql("""
                        SELECT user_id FROM dashboard.dashboard_summary
                        WHERE alerts_total BETWEEN 15 AND 40 AND exposures_active + exposures_removed > 0
                        ORDER BY user_id LIMIT 1""")
                .query(UUID.class).single();
    }

    @AfterAll
    void printReport() throws Exception {
        explainer.close();
        System.out.printf("%nRead statements at volume (%s):%n%s", JdbcUrls.database(database.url()),
                report.render());
        System.out.printf("plans: the checks took %.0f s (after seeding and start-up)%n", (System.nanoTime() - started) / 1e9);
    }

    @TestFactory
    @Order(1)
    Stream<DynamicTest> alertPages() {
        return listPages(ListFilters.ALERTS, ListFilters.ALERT_FILTERS);
    }

    @TestFactory
    @Order(2)
    Stream<DynamicTest> exposurePages() {
        return listPages(ListFilters.EXPOSURES, ListFilters.EXPOSURE_FILTERS);
    }

    @TestFactory
    @Order(3)
    Stream<DynamicTest> lookupsByKey() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (UUID user : List.of(heavyUser, lightUser)) {
            String who = user.equals(heavyUser) ? "heavy" : "light";
            for (String path : List.of("/api/v1/me", "/api/v1/me/subscription", "/api/v1/dashboard")) {
                tests.add(DynamicTest.dynamicTest(who + " " + path, () -> explainLookup(user, who, path)));
            }
            tests.add(DynamicTest.dynamicTest(who + " alert by id", () -> explainLookup(user, who,
                    "/api/v1/alerts/" + firstId(user, ListFilters.ALERTS, "alertId"))));
            tests.add(DynamicTest.dynamicTest(who + " exposure by id", () -> explainLookup(user, who,
                    "/api/v1/exposures/" + firstId(user, ListFilters.EXPOSURES, "exposureId"))));
        }
        return tests.stream();
    }

    @Test
    @Order(4)
    void everyIndexNoStatementUsedIsAKeptDecision() throws Exception {
        UnusedIndexes.assertOnlyDocumentedOnesUnused(database, report.indexesUsed());
    }

    private Stream<DynamicTest> listPages(String path, List<String> filters) {
        List<DynamicTest> tests = new ArrayList<>();
        for (String filter : filters) {
            String shown = filter.isEmpty() ? "(no filter)" : filter;
            tests.add(DynamicTest.dynamicTest("heavy first page " + shown, () ->
                    explainPage(heavyUser, "heavy first", path, filter, "limit=" + LIMIT, 0)));
            tests.add(DynamicTest.dynamicTest("heavy offset " + OFFSET + " " + shown, () ->
                    explainPage(heavyUser, "heavy offset " + OFFSET, path, filter, "limit=" + LIMIT + "&offset=" + OFFSET,
                            OFFSET)));
            tests.add(DynamicTest.dynamicTest("heavy deep cursor " + shown, () -> explainDeepCursor(path, filter)));
            tests.add(DynamicTest.dynamicTest("light first page " + shown, () ->
                    explainPage(lightUser, "light first", path, filter, "limit=" + LIMIT, 0)));
        }
        return tests.stream();
    }

    private void explainDeepCursor(String path, String filter) throws Exception {
        for (int depth : CURSOR_DEPTHS) {
            JsonNode jump = json.readTree(request(heavyUser, path, filter, "limit=" + LIMIT + "&offset=" + depth)
                    .getResponse().getContentAsString());
            if (jump.path("hasMore").asBoolean()) {
                String cursor = URLEncoder.encode(jump.get("nextCursor").asText(), StandardCharsets.UTF_8);
                explainPage(heavyUser, "heavy cursor@" + (depth + LIMIT), path, filter,
                        "limit=" + LIMIT + "&cursor=" + cursor, 0);
                return;
            }
        }
        // fewer than one page of rows for this filter: the first page is the only page, explained already
    }

    private void explainPage(UUID user, String label, String path, String filter, String paging, int offset)
            throws Exception {
        CapturedStatement statement = runAlone(user, path, filter, paging);
        ExplainedPlan plan = explainer.explain(statement);
        report.add(label + " " + filter, plan);
        int ranges = ExpectedIndexes.readsOneRangePerSeverity(statement.name()) ? ListFilters.severities(filter) : 1;
        PlanRules.Page page = new PlanRules.Page(offset + LIMIT + 1, ranges, label.equals("heavy first"),
                user.equals(lightUser));
        PlanRules.check(plan, page);
        if (user.equals(heavyUser)) {
            // the plan a server-prepared statement may switch to, which knows neither the user nor the position
            ExplainedPlan generic = explainer.explainGeneric(statement);
            report.add(label + " GENERIC " + filter, generic);
            PlanRules.check(generic, page);
        }
    }

    private void explainLookup(UUID user, String who, String path) throws Exception {
        CapturedStatement statement = runAlone(user, path, "", "");
        ExplainedPlan plan = explainer.explain(statement);
        report.add(who + " " + path.replaceAll("[0-9a-f-]{36}", "{id}"), plan);
        PlanRules.check(plan, PlanRules.Page.lookup());
    }

    /** Serves the request and returns the one statement it ran (the read budget: one statement per read). */
    private CapturedStatement runAlone(UUID user, String path, String filter, String paging) throws Exception {
        List<CapturedStatement> statements;
        capture.start();
        try {
            request(user, path, filter, paging);
        } finally {
            statements = capture.stop();
        }
        assertThat(statements).as("statements of GET %s?%s&%s", path, filter, paging).hasSize(1);
        return statements.getFirst();
    }

    private MvcResult request(UUID user, String path, String filter, String paging) throws Exception {
        String query = Stream.of(filter, paging).filter(part -> !part.isEmpty()).reduce((a, b) -> a + "&" + b).orElse("");
        MvcResult result = mvc.perform(get(query.isEmpty() ? path : path + "?" + query)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.user(user))).andReturn();
        // a user without a subscription gets a 404 from /me/subscription after the same statement
        assertThat(result.getResponse().getStatus()).as("GET %s?%s", path, query).isIn(200, 404);
        return result;
    }

    private String firstId(UUID user, String path, String field) throws Exception {
        JsonNode page = json.readTree(request(user, path, "", "limit=1").getResponse().getContentAsString());
        return page.get("items").get(0).get(field).asText();
    }
}
