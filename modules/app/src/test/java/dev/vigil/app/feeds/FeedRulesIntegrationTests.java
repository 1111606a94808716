package dev.vigil.app.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.platform.testing.TestTokens;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Both list endpoints keep the same rules, because both are feeds of one mechanism: the same time window (bounds,
 * order, latest instant), the same parameter rules, and the same canonical selection that cursors are bound to.
 * Each rule is checked on each list.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FeedRulesIntegrationTests {

    /** The two lists, with a filter that takes one value and one that takes several, and all of its values. */
    enum List {
        ALERTS("/api/v1/alerts", "status", "READ", "LOW,MEDIUM,HIGH,CRITICAL"),
        EXPOSURES("/api/v1/exposures", "sourceKind", "PASTE", "LOW,MEDIUM,HIGH,CRITICAL");

        final String path;
        final String oneValueFilter;
        final String oneValue;
        final String everySeverity;

        List(String path, String oneValueFilter, String oneValue, String everySeverity) {
            this.path = path;
            this.oneValueFilter = oneValueFilter;
            this.oneValue = oneValue;
            this.everySeverity = everySeverity;
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    private final UUID user = UUID.randomUUID();

    @ParameterizedTest
    @EnumSource(List.class)
    void theLatestBoundIsTheLastMicrosecondAndNothingLater(List list) throws Exception {
        read(list, "to=9999-12-31T23:59:59.999999Z").andExpect(status().isOk());
        read(list, "from=9999-12-31T23:59:59.999999Z").andExpect(status().isOk());
        rejected(read(list, "to=9999-12-31T23:59:59.9999991Z"), "to");
        rejected(read(list, "from=0000-12-31T23:59:59Z"), "from");
    }

    @ParameterizedTest
    @EnumSource(List.class)
    void toMustBeAfterFrom(List list) throws Exception {
        rejected(read(list, "from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z"), "to");
        rejected(read(list, "from=2026-11-02T00:00:00Z&to=2026-11-02T00:00:00Z"), "to");
        read(list, "from=2026-11-01T00:00:00Z&to=2026-11-01T00:00:00.000001Z").andExpect(status().isOk());
    }

    @ParameterizedTest
    @EnumSource(List.class)
    void aOneValueFilterOrBoundIsGivenOnceAndNeverEmpty(List list) throws Exception {
        rejected(read(list, list.oneValueFilter + "=" + list.oneValue + "&" + list.oneValueFilter + "="
                + list.oneValue), list.oneValueFilter);
        rejected(read(list, list.oneValueFilter + "="), list.oneValueFilter);
        rejected(read(list, "severity=HIGH,"), "severity");
        rejected(read(list, "from=2026-11-01T00:00:00Z&from=2026-11-02T00:00:00Z"), "from");
    }

    @ParameterizedTest
    @EnumSource(List.class)
    void everySeverityIsTheSameSelectionAsNone(List list) throws Exception {
        seedThreeRows(list);
        String cursor = body(read(list, "limit=1&severity=" + list.everySeverity).andExpect(status().isOk()))
                .get("nextCursor").asText();
        read(list, "limit=1&cursor=" + cursor).andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1));
        rejected(read(list, "limit=1&severity=HIGH&cursor=" + cursor), "cursor");
    }

    private ResultActions read(List list, String query) throws Exception {
        return mvc.perform(get(list.path + "?" + query).header(HttpHeaders.AUTHORIZATION, TestTokens.user(user)));
    }

    private void rejected(ResultActions response, String field) throws Exception {
        response.andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.hasItem(field)));
    }

    private JsonNode body(ResultActions response) throws Exception {
        return json.readTree(response.andReturn().getResponse().getContentAsString());
    }

    /** Three rows of the caller's, straight into the read table: the rules are about reading them. */
    private void seedThreeRows(List list) {
        String sql = switch (list) {
            case ALERTS -> """
                    INSERT INTO alerting.alert_feed (alert_id, user_id, category, severity, status, title,
                        created_at, updated_at)
                    SELECT gen_random_uuid(), :user, 'PAYMENT_FAILED', 'HIGH', 'UNREAD', 'rules',
                           now() - i * interval '1 minute', now()
                    FROM generate_series(1, 3) i""";
            case EXPOSURES -> """
                    INSERT INTO monitoring.exposure_feed (exposure_id, user_id, source_name, source_kind, data_types,
                        severity, status, found_at, created_at, updated_at, reappeared_count, version)
                    SELECT gen_random_uuid(), :user, 'rules', 'PASTE', ARRAY['EMAIL'], 'HIGH', 'ACTIVE',
                           now(), now() - i * interval '1 minute', now(), 0, 1
                    FROM generate_series(1, 3) i""";
        };
        assertThat(jdbc.sql(sql).param("user", user).update()).isEqualTo(3);
    }
}
