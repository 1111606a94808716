package dev.vigil.monitoring.web;

import static dev.vigil.monitoring.MonitoringTestSupport.registerUser;
import static dev.vigil.monitoring.web.ExposureApi.exposures;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.monitoring.api.ExposureStatus;
import dev.vigil.monitoring.api.Severity;
import dev.vigil.monitoring.api.SourceKind;
import dev.vigil.monitoring.web.ExposureApi.Answer;
import dev.vigil.monitoring.web.ExposureFixtures.Seeded;
import dev.vigil.monitoring.web.ExposureFixtures.Spec;
import dev.vigil.platform.id.TimeOrderedIds;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The statement budget of every read endpoint and filter shape, with {@code limit=1} and {@code limit=100}:
 * exactly one SQL statement on a cache miss, the one named for the shape, and none on a hit. Pages after a
 * cursor and offset pages are not cached: one statement each.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExposureReadBudgetIntegrationTests extends ExposureWebIntegrationTestSupport {

    @Autowired
    MeterRegistry meters;

    private ExposureApi api;
    private UUID user;
    private List<Seeded> seeded;

    @BeforeAll
    void seed() {
        api = api();
        user = newUser();
        List<Spec> specs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            specs.add(new Spec(ExposureStatus.ACTIVE, i % 2 == 0 ? Severity.HIGH : Severity.LOW, SourceKind.BREACH));
            specs.add(new Spec(ExposureStatus.REMOVED, Severity.values()[i % 4], SourceKind.values()[i % 4]));
        }
        seeded = fixtures().seed(user, specs);
    }

    /** One filter set per shape; the statement names end with the shape. */
    Stream<Arguments> shapes() {
        String from = "2020-01-01T00:00:00Z";
        return Stream.of(
                shape("", "limit"),
                shape("", "from", from, "limit"),
                shape("_by_status", "status", "ACTIVE", "limit"),
                shape("_by_severity", "severity", "HIGH", "to", "9999-01-01T00:00:00Z", "limit"),
                shape("_by_severities", "severity", "HIGH,LOW", "limit"),
                shape("_by_source_kind", "sourceKind", "BREACH", "limit"),
                shape("_by_status_severity", "status", "ACTIVE", "severity", "LOW", "limit"),
                shape("_by_status_severities", "status", "ACTIVE", "severity", "LOW", "severity", "HIGH", "limit"),
                shape("_by_status_source_kind", "status", "ACTIVE", "sourceKind", "BREACH", "from", from, "limit"),
                shape("_by_severity_source_kind", "severity", "HIGH", "sourceKind", "BREACH", "limit"),
                shape("_by_severities_source_kind", "severity", "HIGH,LOW", "sourceKind", "BREACH", "limit"),
                shape("_by_status_severity_source_kind", "status", "ACTIVE", "severity", "HIGH", "sourceKind",
                        "BREACH", "limit"),
                shape("_by_status_severities_source_kind", "status", "ACTIVE", "severity", "HIGH,LOW,MEDIUM",
                        "sourceKind", "BREACH", "from", from, "to", "2100-01-01T00:00:00Z", "limit"));
    }

    @ParameterizedTest(name = "exposure_page{0} {1}")
    @MethodSource("shapes")
    void aPageIsOneStatementNamedForItsShapeOnAMissAndNoneOnAHit(String shape, List<String> parameters)
            throws Exception {
        for (String limit : List.of("1", "100")) {
            String first = exposures(with(parameters, limit));
            String keyset = "monitoring.exposure_page" + shape;

            long before = executions(keyset);
            Answer miss = api.get(user, first);
            assertThat(miss.status()).as(miss.rawBody()).isEqualTo(200);
            assertThat(miss.statements()).as("cache miss " + first).isEqualTo(1);
            assertThat(executions(keyset)).as(keyset).isEqualTo(before + 1);
            assertThat(miss.ids()).isNotEmpty();

            Answer hit = api.get(user, first);
            assertThat(hit.statements()).as("cache hit " + first).isZero();
            assertThat(hit.rawBody()).isEqualTo(miss.rawBody());
            assertThat(executions(keyset)).isEqualTo(before + 1);

            if (limit.equals("1")) {
                URI next = miss.next();
                assertThat(next).as("at least two rows match " + first).isNotNull();
                for (int fetch = 0; fetch < 2; fetch++) {
                    Answer afterCursor = api.get(user, next);
                    assertThat(afterCursor.statements()).as("page after a cursor " + next).isEqualTo(1);
                    assertThat(afterCursor.ids()).hasSize(1).doesNotContainAnyElementsOf(miss.ids());
                }
                assertThat(executions(keyset)).isEqualTo(before + 3);
            }

            String offsetName = "monitoring.exposure_page" + shape + "_at_offset";
            long offsetBefore = executions(offsetName);
            for (String offset : List.of("0", "1", "0")) {
                Answer atOffset = api.get(user, first + "&offset=" + offset);
                assertThat(atOffset.status()).isEqualTo(200);
                assertThat(atOffset.statements()).as("offset page " + first).isEqualTo(1);
            }
            assertThat(executions(offsetName)).as(offsetName).isEqualTo(offsetBefore + 3);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void anExposureIsOneStatementOnAMissAndNoneOnAHitWhetherOrNotItIsThere(boolean exists) throws Exception {
        UUID exposureId = exists ? seeded.get(3).exposureId() : TimeOrderedIds.next();
        String path = "/api/v1/exposures/" + exposureId;
        long before = executions("monitoring.exposure_by_id");

        Answer miss = api.get(user, path);
        assertThat(miss.status()).isEqualTo(exists ? 200 : 404);
        assertThat(miss.statements()).isEqualTo(1);
        Answer hit = api.get(user, path);
        assertThat(hit.status()).isEqualTo(miss.status());
        assertThat(hit.statements()).isZero();
        assertThat(executions("monitoring.exposure_by_id")).isEqualTo(before + 1);
    }

    private long executions(String statement) {
        return meters.find("db.query").tag("name", statement).timers().stream().mapToLong(Timer::count).sum();
    }

    private static Arguments shape(String shape, String... parametersEndingWithLimit) {
        return Arguments.of(shape, Arrays.asList(parametersEndingWithLimit));
    }

    private static String[] with(List<String> parametersEndingWithLimit, String limit) {
        List<String> parameters = new ArrayList<>(parametersEndingWithLimit);
        parameters.add(limit);
        return parameters.toArray(String[]::new);
    }
}
