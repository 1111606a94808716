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
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.lang.Nullable;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every filter and combination of {@code GET /api/v1/exposures} against an in-memory filter over the exposures
 * seeded through the commands: 64 exposures, one per (status, severity, source kind), plus another user's
 * exposures that match the same filters and must never show.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExposureFilterIntegrationTests extends ExposureWebIntegrationTestSupport {

    private static final List<Set<Severity>> SEVERITY_SETS = List.of(Set.of(), EnumSet.of(Severity.HIGH),
            EnumSet.of(Severity.LOW, Severity.CRITICAL), EnumSet.of(Severity.LOW, Severity.MEDIUM, Severity.HIGH),
            EnumSet.allOf(Severity.class));
    private static final List<SourceKind> SOURCE_KINDS =
            Arrays.asList(null, SourceKind.BREACH, SourceKind.PEOPLE_SEARCH);

    private ExposureApi api;
    private UUID user;
    private List<Seeded> seeded;
    /** A created_at of one seeded row (the 17th oldest) and of another (the 49th): window bounds that hit rows. */
    private Instant from;
    private Instant to;

    @BeforeAll
    void seed() {
        api = api();
        ExposureFixtures fixtures = fixtures();
        user = newUser();
        List<Spec> specs = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            // every (status, severity, source kind) once, statuses mixed through time
            specs.add(new Spec(ExposureStatus.values()[(i / 16 + i) % 4], Severity.values()[i % 4],
                    SourceKind.values()[(i / 4) % 4]));
        }
        seeded = fixtures.seed(user, specs);
        fixtures.seed(newUser(), specs.subList(0, 16));
        List<Instant> oldestFirst = seeded.stream().map(Seeded::createdAt).sorted().toList();
        from = oldestFirst.get(16);
        to = oldestFirst.get(48);
        assertThat(oldestFirst).doesNotHaveDuplicates();
    }

    @Test
    void everyFilterCombinationWalksExactlyTheMatchingRowsNewestFirst() throws Exception {
        int combinations = 0;
        for (ExposureStatus status : withNull(ExposureStatus.values())) {
            for (Set<Severity> severities : SEVERITY_SETS) {
                for (SourceKind sourceKind : SOURCE_KINDS) {
                    for (Window window : windows()) {
                        // alternate between repeated parameters and a comma list
                        List<String> parameters = parameters(status, severities, sourceKind, window,
                                combinations % 2 == 0);
                        parameters.addAll(List.of("limit", "7"));
                        List<UUID> expected = expected(status, severities, sourceKind, window);
                        assertThat(api.walk(user, exposures(parameters.toArray(String[]::new))))
                                .as("%s", parameters).containsExactlyElementsOf(expected);
                        combinations++;
                    }
                }
            }
        }
        assertThat(combinations).isEqualTo(300);
    }

    @Test
    void offsetPagesOfEachShapeHoldTheMatchingRowsInOrder() throws Exception {
        for (ExposureStatus status : Arrays.asList(null, ExposureStatus.ACTIVE)) {
            for (Set<Severity> severities : SEVERITY_SETS.subList(0, 3)) {
                for (SourceKind sourceKind : SOURCE_KINDS.subList(0, 2)) {
                    Window window = new Window(from, null);
                    List<String> parameters = parameters(status, severities, sourceKind, window, true);
                    List<UUID> walked = new ArrayList<>();
                    for (int offset = 0; ; offset += 3) {
                        List<String> page = new ArrayList<>(parameters);
                        page.addAll(List.of("limit", "3", "offset", String.valueOf(offset)));
                        Answer answer = api.get(user, exposures(page.toArray(String[]::new)));
                        assertThat(answer.status()).as(answer.rawBody()).isEqualTo(200);
                        assertThat(answer.body().get("offset").asInt()).isEqualTo(offset);
                        assertThat(answer.body().get("limit").asInt()).isEqualTo(3);
                        walked.addAll(answer.ids());
                        if (!answer.hasMore()) {
                            break;
                        }
                    }
                    assertThat(walked).as("%s", parameters)
                            .containsExactlyElementsOf(expected(status, severities, sourceKind, window));
                }
            }
        }
    }

    @Test
    void fromIsInclusiveAndToIsExclusive() throws Exception {
        Seeded atFrom = seeded.stream().filter(row -> row.createdAt().equals(from)).findFirst().orElseThrow();
        Seeded atTo = seeded.stream().filter(row -> row.createdAt().equals(to)).findFirst().orElseThrow();
        List<UUID> window = api.walk(user, exposures("from", from.toString(), "to", to.toString(), "limit", "100"));
        assertThat(window).hasSize(32).contains(atFrom.exposureId()).doesNotContain(atTo.exposureId());
        assertThat(window.getLast()).isEqualTo(atFrom.exposureId());
    }

    @Test
    void anInstantWithAnOffsetIsTheSameMoment() throws Exception {
        String fromInParis = from.atOffset(ZoneOffset.ofHours(1)).toString();
        assertThat(fromInParis).endsWith("+01:00");
        assertThat(api.walk(user, exposures("from", fromInParis, "limit", "100")))
                .containsExactlyElementsOf(expected(null, Set.of(), null, new Window(from, null)));
    }

    @Test
    void repeatedAndCommaSeparatedSeveritiesAreOneFilterWhoseCursorServesBoth() throws Exception {
        Answer repeated = api.get(user, exposures("severity", "LOW", "severity", "CRITICAL", "limit", "5"));
        Answer commaList = api.get(user, exposures("severity", "CRITICAL,LOW", "limit", "5"));
        assertThat(repeated.ids()).isEqualTo(commaList.ids()).hasSize(5);
        String cursor = repeated.body().get("nextCursor").asText();
        Answer continued = api.get(user, exposures("severity", "CRITICAL, LOW", "limit", "5", "cursor", cursor));
        assertThat(continued.status()).isEqualTo(200);
        assertThat(continued.ids()).containsExactlyElementsOf(
                expected(null, EnumSet.of(Severity.LOW, Severity.CRITICAL), null, Window.NONE).subList(5, 10));
    }

    private List<UUID> expected(@Nullable ExposureStatus status, Set<Severity> severities,
            @Nullable SourceKind sourceKind, Window window) {
        return seeded.stream()
                .filter(row -> status == null || row.status() == status)
                .filter(row -> severities.isEmpty() || severities.contains(row.severity()))
                .filter(row -> sourceKind == null || row.sourceKind() == sourceKind)
                .filter(row -> window.from() == null || !row.createdAt().isBefore(window.from()))
                .filter(row -> window.to() == null || row.createdAt().isBefore(window.to()))
                .map(Seeded::exposureId)
                .toList();
    }

    private static List<String> parameters(@Nullable ExposureStatus status, Set<Severity> severities,
            @Nullable SourceKind sourceKind, Window window, boolean repeatSeverity) {
        List<String> parameters = new ArrayList<>();
        if (status != null) {
            parameters.addAll(List.of("status", status.name()));
        }
        if (!severities.isEmpty()) {
            if (repeatSeverity) {
                severities.forEach(severity -> parameters.addAll(List.of("severity", severity.name())));
            } else {
                parameters.addAll(List.of("severity",
                        severities.stream().map(Severity::name).collect(Collectors.joining(","))));
            }
        }
        if (sourceKind != null) {
            parameters.addAll(List.of("sourceKind", sourceKind.name()));
        }
        if (window.from() != null) {
            parameters.addAll(List.of("from", window.from().toString()));
        }
        if (window.to() != null) {
            parameters.addAll(List.of("to", window.to().toString()));
        }
        return parameters;
    }

    private List<Window> windows() {
        return List.of(Window.NONE, new Window(from, null), new Window(null, to), new Window(from, to));
    }

    private static <T> List<T> withNull(T[] values) {
        List<T> list = new ArrayList<>();
        list.add(null);
        list.addAll(List.of(values));
        return list;
    }

    private record Window(@Nullable Instant from, @Nullable Instant to) {
        static final Window NONE = new Window(null, null);
    }
}
