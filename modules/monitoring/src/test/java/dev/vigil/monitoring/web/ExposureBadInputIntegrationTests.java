package dev.vigil.monitoring.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.monitoring.web.ExposureApi.Answer;
import dev.vigil.platform.id.TimeOrderedIds;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.test.web.servlet.MockMvc;

/** Every wrong parameter of the read endpoints is a 400 problem naming it, and reaches no SQL. */
class ExposureBadInputIntegrationTests extends ExposureWebIntegrationTestSupport {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /api/v1/exposures?limit=0                                 | limit
            /api/v1/exposures?limit=101                               | limit
            /api/v1/exposures?limit=-1                                | limit
            /api/v1/exposures?limit=abc                               | limit
            /api/v1/exposures?offset=10001                            | offset
            /api/v1/exposures?offset=-5                               | offset
            /api/v1/exposures?limit=5&limit=6                         | limit
            /api/v1/exposures?status=BOGUS                            | status
            /api/v1/exposures?status=                                 | status
            /api/v1/exposures?status=ACTIVE&status=REMOVED            | status
            /api/v1/exposures?status=ACTIVE,REMOVED                   | status
            /api/v1/exposures?severity=URGENT                         | severity
            /api/v1/exposures?severity=HIGH,URGENT                    | severity
            /api/v1/exposures?severity=HIGH&severity=URGENT           | severity
            /api/v1/exposures?severity=                               | severity
            /api/v1/exposures?severity=HIGH,                          | severity
            /api/v1/exposures?sourceKind=FORUM                        | sourceKind
            /api/v1/exposures?sourceKind=BREACH&sourceKind=PASTE      | sourceKind
            /api/v1/exposures?from=yesterday                          | from
            /api/v1/exposures?from=2026-11-20                         | from
            /api/v1/exposures?from=2026-11-20T08:00:00                | from
            /api/v1/exposures?from=%2B10000-01-01T00:00:00Z           | from
            /api/v1/exposures?to=2026-11-20T25:00:00Z                 | to
            /api/v1/exposures?to=                                     | to
            /api/v1/exposures?from=2026-11-20T08:00:00Z&to=2026-11-20T08:00:00Z | to
            /api/v1/exposures?from=2026-11-21T00:00:00Z&to=2026-11-20T00:00:00Z | to
            /api/v1/exposures?cursor=not-a-cursor                     | cursor
            /api/v1/exposures/not-a-uuid                              | exposureId
            /api/v1/exposures/12345                                   | exposureId
            """)
    void isA400NamingTheParameterAndRunsNoStatement(String target, String field) throws Exception {
        Answer answer = api().get(UUID.randomUUID(), target);

        assertThat(answer.status()).as(answer.rawBody()).isEqualTo(400);
        assertThat(answer.result().getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("errors")).hasSize(1);
        assertThat(answer.body().get("errors").get(0).get("field").asText()).isEqualTo(field);
        assertThat(answer.body().get("errors").get(0).get("message").asText()).isNotBlank();
        assertThat(answer.statements()).isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            /api/v1/exposures?offset=10000
            /api/v1/exposures?from=0001-01-01T00:00:00Z&to=9999-12-31T23:59:59Z
            /api/v1/exposures?from=2026-11-20T08:00:00.123456789Z&to=2026-11-20T08:00:00.1234568Z
            /api/v1/exposures?severity=LOW,MEDIUM,HIGH,CRITICAL&status=REMOVAL_FAILED&sourceKind=PEOPLE_SEARCH
            /api/v1/exposures?severity=low,High&status=active&sourceKind=people_search
            """)
    void acceptsTheEdgesOfEveryRange(String target) throws Exception {
        Answer answer = api().get(TimeOrderedIds.next(), target);

        assertThat(answer.status()).as(answer.rawBody()).isEqualTo(200);
        assertThat(answer.ids()).isEmpty();
        assertThat(answer.hasMore()).isFalse();
    }
}
