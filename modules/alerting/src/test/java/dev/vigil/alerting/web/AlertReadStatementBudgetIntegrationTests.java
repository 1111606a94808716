package dev.vigil.alerting.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.vigil.alerting.api.AlertCategory;
import dev.vigil.alerting.api.AlertSeverity;
import dev.vigil.alerting.api.AlertStatus;
import dev.vigil.alerting.query.AlertingCaches;
import dev.vigil.platform.cache.ReadCache;
import dev.vigil.platform.id.TimeOrderedIds;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every read endpoint, every filter shape, page sizes 1 and 100: exactly one SQL statement, the shape's own, when
 * the cache misses, none when it hits; deeper pages and offset pages (never cached) exactly one.
 */
class AlertReadStatementBudgetIntegrationTests extends AlertReadIntegrationTestSupport {

    private static final Instant SEEDED_FROM = Instant.parse("2026-04-01T08:00:00Z");

    @Autowired
    ReadCache cache;

    @Autowired
    MeterRegistry meters;

    private UUID user;
    private UUID someAlert;

    /** One alert of every status, severity and category: every shape below matches at least two. */
    @BeforeEach
    void seed() {
        user = TimeOrderedIds.next();
        int i = 0;
        for (AlertStatus status : AlertStatus.values()) {
            for (AlertSeverity severity : AlertSeverity.values()) {
                for (AlertCategory category : AlertCategory.values()) {
                    someAlert = history.add(user, TimeOrderedIds.next(), category, severity, status,
                            SEEDED_FROM.plus(i++, ChronoUnit.MINUTES)).alertId();
                }
            }
        }
        history.awaitApplied();
    }

    /** Filters as query parameters, and the statement each must run. */
    static Stream<Arguments> shapes() {
        return Stream.of(
                shape("alerting.alert_page"),
                shape("alerting.alert_page", "from", "2026-04-01T08:10:00Z", "to", "2026-04-01T09:00:00Z"),
                shape("alerting.alert_page_by_unread", "status", "unread"),
                shape("alerting.alert_page_by_unread_category", "status", "UNREAD", "category", "PAYMENT_FAILED"),
                shape("alerting.alert_page_by_status", "status", "READ", "to", "2026-04-01T10:00:00Z"),
                shape("alerting.alert_page_by_status_category", "status", "dismissed", "category", "NEW_EXPOSURE"),
                shape("alerting.alert_page_by_category", "category", "SUBSCRIPTION_EXPIRING"),
                shape("alerting.alert_page_by_severity", "severity", "HIGH"),
                shape("alerting.alert_page_by_severities", "severity", "LOW,CRITICAL", "from", "2026-04-01T08:00:00Z"),
                shape("alerting.alert_page_by_unread_severities", "severity", "MEDIUM", "severity", "HIGH",
                        "status", "UNREAD"),
                shape("alerting.alert_page_by_severity_category", "severity", "LOW", "category",
                        "EXPOSURE_REAPPEARED"),
                shape("alerting.alert_page_by_status_severities_category", "severity", "LOW,HIGH", "status", "READ",
                        "category", "PAYMENT_FAILED"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("shapes")
    void aListPageRunsItsOneStatementOnAMissAndNoneOnAHit(String statement, String[] filters) throws Exception {
        for (String limit : new String[] {"1", "100"}) {
            cache.invalidate(AlertingCaches.ALERTS, user); // a miss to start with
            MockHttpServletRequestBuilder firstPage = list(filters).param("limit", limit);

            MvcResult miss = budget(statement, 1, firstPage);
            assertThat(body(miss).get("items").size()).isBetween(1, Integer.parseInt(limit));
            budget(statement, 0, list(filters).param("limit", limit));

            if (limit.equals("1")) {
                URI deeper = nextLink(miss, body(miss));
                assertThat(deeper).as("every shape matches two alerts or more").isNotNull();
                budget(statement, 1, get(deeper));
                budget(statement, 1, get(deeper)); // deeper pages are not cached
            }
            budget(statement + "_at_offset", 1, list(filters).param("limit", limit).param("offset", "1"));
            budget(statement + "_at_offset", 1, list(filters).param("limit", limit).param("offset", "0"));
        }
    }

    @Test
    void oneAlertRunsOneStatementOnAMissAndNoneOnAHitFoundOrNot() throws Exception {
        cache.invalidate(AlertingCaches.ALERTS, user);
        budget("alerting.alert_by_id", 1, get(ALERTS + "/" + someAlert));
        budget("alerting.alert_by_id", 0, get(ALERTS + "/" + someAlert));

        String missing = ALERTS + "/" + TimeOrderedIds.next();
        assertThat(statements(mvc.perform(as(user, get(missing))).andExpect(status().isNotFound()).andReturn()))
                .isEqualTo(1);
        assertThat(statements(mvc.perform(as(user, get(missing))).andExpect(status().isNotFound()).andReturn()))
                .isZero();
    }

    /** Runs the request and checks it ran {@code expected} statements, all of them named {@code statement}. */
    private MvcResult budget(String statement, int expected, MockHttpServletRequestBuilder request) throws Exception {
        long before = runs(statement);
        MvcResult result = ok(user, request);
        assertThat(statements(result)).as("statements of a request for %s", statement).isEqualTo(expected);
        assertThat(runs(statement) - before).as("runs of %s", statement).isEqualTo(expected);
        return result;
    }

    private long runs(String statement) {
        Timer timer = meters.find("db.query").tag("name", statement).tag("outcome", "success").timer();
        return timer == null ? 0 : timer.count();
    }

    private static Arguments shape(String statement, String... filters) {
        return Arguments.of(statement, filters);
    }
}
