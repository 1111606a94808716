package dev.vigil.monitoring.web;

import static dev.vigil.monitoring.MonitoringTestSupport.registerUser;
import static dev.vigil.monitoring.web.ExposureApi.exposures;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.monitoring.api.ExposureStatus;
import dev.vigil.monitoring.api.RequestRemoval;
import dev.vigil.monitoring.api.Severity;
import dev.vigil.monitoring.api.SourceKind;
import dev.vigil.monitoring.web.ExposureApi.Answer;
import dev.vigil.monitoring.web.ExposureFixtures.Seeded;
import dev.vigil.monitoring.web.ExposureFixtures.Spec;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Walking a user's exposures by cursor while scans keep finding new ones and the user keeps asking for
 * removals: every row that existed when the walk began shows exactly once, in order, and the walk ends.
 */
class ExposureCursorWalkIntegrationTests extends ExposureWebIntegrationTestSupport {

    @Test
    void theUnfilteredListShowsEveryRowOnceWhileExposuresArriveAndChange() throws Exception {
        walkWhileIngesting(exposures("limit", "4"), row -> true, true);
    }

    @Test
    void severalSeveritiesShowEveryMatchingRowOnceWhileExposuresArrive() throws Exception {
        walkWhileIngesting(exposures("severity", "HIGH,CRITICAL", "limit", "3"),
                row -> row.severity() == Severity.HIGH || row.severity() == Severity.CRITICAL, true);
    }

    @Test
    void statusAndSourceKindShowEveryMatchingRowOnceWhileExposuresArrive() throws Exception {
        walkWhileIngesting(exposures("status", "ACTIVE", "sourceKind", "BREACH", "severity", "HIGH", "limit", "1"),
                row -> row.status() == ExposureStatus.ACTIVE && row.sourceKind() == SourceKind.BREACH
                        && row.severity() == Severity.HIGH, false);
    }

    @Test
    void aThousandExposuresWalkByCursorAndByOffsetShowingEveryRowOnceInOrder() throws Exception {
        ExposureApi api = api();
        UUID user = newUser();
        List<Spec> specs = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            specs.add(new Spec(i % 7 == 0 ? ExposureStatus.REMOVAL_REQUESTED : ExposureStatus.ACTIVE,
                    Severity.values()[i % 4], SourceKind.values()[i % SourceKind.values().length]));
        }
        List<UUID> all = fixtures().seed(user, specs).stream().map(Seeded::exposureId)
                .toList();

        assertThat(api.walk(user, exposures())).as("default limit, by cursor").containsExactlyElementsOf(all);
        assertThat(api.walk(user, exposures("limit", "100"))).as("limit 100, by cursor")
                .containsExactlyElementsOf(all);
        assertThat(api.walkByOffset(user, 100)).as("limit 100, by offset").containsExactlyElementsOf(all);
        assertThat(api.walkByOffset(user, 37)).as("limit 37, by offset").containsExactlyElementsOf(all);
    }

    /**
     * Between page fetches: a new exposure that matches every filter (newer than any cursor, so never shown in
     * this walk), and, unless the walk filters by status, a removal request for a row not shown yet (it still
     * shows, once).
     */
    private void walkWhileIngesting(String first, Predicate<Seeded> matches, boolean changeStatuses)
            throws Exception {
        ExposureApi api = api();
        ExposureFixtures fixtures = fixtures();
        UUID user = newUser();
        List<Spec> specs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            specs.add(new Spec(i % 3 == 0 ? ExposureStatus.REMOVAL_REQUESTED : ExposureStatus.ACTIVE,
                    Severity.values()[i % 4], i % 5 == 0 ? SourceKind.PASTE : SourceKind.BREACH));
        }
        List<Seeded> seeded = fixtures.seed(user, specs);
        List<UUID> expected = seeded.stream().filter(matches).map(Seeded::exposureId).toList();
        assertThat(expected).hasSizeGreaterThanOrEqualTo(4);

        List<UUID> walked = new ArrayList<>();
        List<UUID> arrived = new ArrayList<>();
        URI next = URI.create(first);
        int pages = 0;
        while (next != null) {
            Answer page = api.get(user, next);
            assertThat(page.status()).as(page.rawBody()).isEqualTo(200);
            walked.addAll(page.ids());
            next = page.next();
            pages++;
            assertThat(pages).isLessThan(40);
            if (next != null) {
                arrived.add(fixtures.report(user, Severity.HIGH, SourceKind.BREACH));
                if (changeStatuses) {
                    seeded.stream().filter(row -> row.status() == ExposureStatus.ACTIVE)
                            .map(Seeded::exposureId).filter(id -> !walked.contains(id)).findFirst()
                            .ifPresent(id -> commands.send(new RequestRemoval(id, user)));
                }
            }
        }

        assertThat(walked).doesNotHaveDuplicates().containsExactlyElementsOf(expected)
                .doesNotContainAnyElementsOf(arrived);
        assertThat(arrived).hasSizeGreaterThan(1);
        assertThat(api.get(user, first).ids().getFirst()).as("the first page, read again, starts with the newest")
                .isEqualTo(arrived.getLast());
    }
}
