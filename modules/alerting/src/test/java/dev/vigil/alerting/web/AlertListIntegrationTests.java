package dev.vigil.alerting.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.alerting.AlertHistory.Alert;
import dev.vigil.alerting.api.AlertCategory;
import dev.vigil.alerting.api.AlertSeverity;
import dev.vigil.alerting.api.AlertStatus;
import dev.vigil.platform.id.TimeOrderedIds;
import dev.vigil.platform.paging.KeysetPosition;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MvcResult;

/** GET /api/v1/alerts: what the list shows, in which order, filtered how, and how it pages. */
class AlertListIntegrationTests extends AlertReadIntegrationTestSupport {

    /** Seeded alerts share creation times in threes, so ties fall inside pages and on their edges. */
    private static final Instant SEEDED_FROM = Instant.parse("2026-03-01T12:00:00.000100Z");
    private static final List<AlertCategory> CATEGORIES = List.of(AlertCategory.values());
    private static final List<AlertSeverity> SEVERITIES = List.of(AlertSeverity.values());
    private static final List<AlertStatus> STATUSES = List.of(AlertStatus.values());

    /** Every alert this test class made, of any user. */
    private final List<Alert> made = new ArrayList<>();

    @Test
    void listsTheCallersAlertsNewestFirstWithEverythingARowShows() throws Exception {
        UUID user = TimeOrderedIds.next();
        Alert older = history.add(user, TimeOrderedIds.next(), AlertCategory.PAYMENT_FAILED, AlertSeverity.HIGH,
                AlertStatus.READ, Instant.parse("2026-03-01T10:00:00.123456Z"));
        Alert newer = history.add(user, TimeOrderedIds.next(), AlertCategory.NEW_EXPOSURE, AlertSeverity.CRITICAL,
                AlertStatus.UNREAD, Instant.parse("2026-03-01T11:00:00Z"));
        history.awaitApplied();

        mvc.perform(as(user, get(ALERTS)))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist(HttpHeaders.LINK))
                .andExpect(jsonPath("$.hasMore").value(false))
                .andExpect(jsonPath("$.nextCursor").isEmpty())
                .andExpect(jsonPath("$.offset").doesNotExist())
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].alertId").value(newer.alertId().toString()))
                .andExpect(jsonPath("$.items[0].category").value("NEW_EXPOSURE"))
                .andExpect(jsonPath("$.items[0].severity").value("CRITICAL"))
                .andExpect(jsonPath("$.items[0].status").value("UNREAD"))
                .andExpect(jsonPath("$.items[0].title").value("Alert " + newer.alertId()))
                .andExpect(jsonPath("$.items[0].exposureId").isString())
                .andExpect(jsonPath("$.items[0].sourceName").value("Some Broker"))
                .andExpect(jsonPath("$.items[0].createdAt").value("2026-03-01T11:00:00Z"))
                .andExpect(jsonPath("$.items[0].readAt").isEmpty())
                .andExpect(jsonPath("$.items[1].alertId").value(older.alertId().toString()))
                .andExpect(jsonPath("$.items[1].exposureId").isEmpty())
                .andExpect(jsonPath("$.items[1].sourceName").isEmpty())
                .andExpect(jsonPath("$.items[1].createdAt").value("2026-03-01T10:00:00.123456Z"))
                .andExpect(jsonPath("$.items[1].readAt").value("2026-03-01T10:01:00.123456Z"))
                .andExpect(jsonPath("$.items[1].dismissedAt").isEmpty());
    }

    @Test
    void anEmptyListIsOneEmptyLastPage() throws Exception {
        mvc.perform(as(TimeOrderedIds.next(), get(ALERTS).param("severity", "HIGH,LOW")))
                .andExpect(status().isOk())
                .andExpect(content().json("{\"items\":[],\"nextCursor\":null,\"hasMore\":false}", true))
                .andExpect(header().doesNotExist(HttpHeaders.LINK));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "50", "100"})
    void exactlyOneFullPageHasNoMoreAndOneRowMoreHas(String limit) throws Exception {
        int size = Integer.parseInt(limit);
        UUID user = TimeOrderedIds.next();
        List<UUID> alerts = ids(seed(user, size));

        MvcResult full = ok(user, list("limit", limit));
        assertThat(ids(body(full))).containsExactlyElementsOf(alerts);
        assertThat(nextLink(full, body(full))).isNull();

        UUID fuller = TimeOrderedIds.next();
        alerts = ids(seed(fuller, size + 1));
        MvcResult more = ok(fuller, list("limit", limit));
        assertThat(ids(body(more))).containsExactlyElementsOf(alerts.subList(0, size));
        URI next = nextLink(more, body(more));
        assertThat(ids(body(ok(fuller, get(next))))).containsExactly(alerts.getLast());
    }

    @Test
    void everyFilterAndCombinationShowsExactlyTheMatchingAlertsByCursorAndByOffset() throws Exception {
        UUID user = TimeOrderedIds.next();
        List<Alert> seeded = seedEveryKind(user);
        UUID stranger = TimeOrderedIds.next();
        seedEveryKind(stranger);

        List<Set<AlertSeverity>> severityChoices = List.of(Set.of(), Set.of(AlertSeverity.HIGH),
                EnumSet.of(AlertSeverity.LOW, AlertSeverity.CRITICAL), EnumSet.allOf(AlertSeverity.class));
        List<Instant[]> ranges = List.of(new Instant[] {null, null},
                new Instant[] {seeded.get(20).createdAt(), null},                   // from: inclusive, on a tie
                new Instant[] {null, seeded.get(9).createdAt()},                    // to: exclusive, on a tie
                new Instant[] {seeded.get(40).createdAt(), seeded.get(6).createdAt().plusNanos(1)});
        int combinations = 0;
        int withAlerts = 0;
        for (AlertStatus status : withNull(STATUSES)) {
            for (Set<AlertSeverity> severities : severityChoices) {
                for (AlertCategory category : withNull(List.of(AlertCategory.NEW_EXPOSURE,
                        AlertCategory.PAYMENT_FAILED))) {
                    for (Instant[] range : ranges) {
                        Predicate<Alert> matches = alert -> (status == null || alert.status() == status)
                                && (severities.isEmpty() || severities.contains(alert.severity()))
                                && (category == null || alert.category() == category)
                                && (range[0] == null || !alert.createdAt().isBefore(range[0]))
                                && (range[1] == null || alert.createdAt().isBefore(range[1]));
                        List<UUID> expected = ids(seeded.stream().filter(matches).toList());
                        String[] parameters = parameters(status, severities, category, range, combinations);
                        String described = String.join("&", parameters);

                        assertThat(walkByCursor(user, list(parameters).param("limit", "4")))
                                .as("by cursor: " + described).containsExactlyElementsOf(expected);
                        assertThat(walkByOffset(user, 4, parameters))
                                .as("by offset: " + described).containsExactlyElementsOf(expected);
                        combinations++;
                        withAlerts += expected.isEmpty() ? 0 : 1;
                    }
                }
            }
        }
        assertThat(combinations).isEqualTo(4 * 4 * 3 * 4);
        assertThat(withAlerts).as("combinations that match some alerts").isGreaterThan(combinations * 3 / 4);
    }

    @Test
    void walksToTheEndByCursorWhileAlertsArriveWithoutSkippingOrRepeatingAny() throws Exception {
        walkWhileAlertsArrive();
    }

    @Test
    void walksSeveralSeveritiesToTheEndByCursorWhileAlertsArrive() throws Exception {
        walkWhileAlertsArrive("severity", "LOW,HIGH", "status", "UNREAD");
    }

    /**
     * Between page fetches: a new newest alert (never shown: the walk is past it), and two alerts created in the
     * same microsecond as the last one shown, one sorting before it (already passed, never shown) and one after
     * it (still ahead: shown exactly once). The walk shows every seeded alert once, in order, and ends.
     */
    private void walkWhileAlertsArrive(String... filters) throws Exception {
        UUID user = TimeOrderedIds.next();
        List<Alert> seeded = seed(user, 60);
        Predicate<Alert> matches = alert -> filters.length == 0
                || (alert.status() == AlertStatus.UNREAD
                        && Set.of(AlertSeverity.LOW, AlertSeverity.HIGH).contains(alert.severity()));
        List<UUID> expected = ids(seeded.stream().filter(matches).toList());
        assertThat(expected).hasSizeGreaterThan(14);

        List<UUID> walked = new ArrayList<>();
        List<UUID> newest = new ArrayList<>();
        List<UUID> tiedBehind = new ArrayList<>();
        List<UUID> tiedAhead = new ArrayList<>();
        URI next = URI.create(ALERTS + "?" + query(filters) + "limit=7");
        while (next != null) {
            MvcResult result = ok(user, get(next));
            JsonNode page = body(result);
            walked.addAll(ids(page));
            next = nextLink(result, page);
            assertThat(walked.size()).as("alerts walked").isLessThanOrEqualTo(3 * expected.size());
            if (next == null) {
                break;
            }
            KeysetPosition last = positions(page).getLast();
            UUID behind = new UUID(last.id().getMostSignificantBits(), last.id().getLeastSignificantBits() + 1);
            UUID ahead = new UUID(last.id().getMostSignificantBits(), last.id().getLeastSignificantBits() - 1);
            newest.add(record(history.add(user, TimeOrderedIds.next(), AlertCategory.NEW_EXPOSURE, AlertSeverity.LOW,
                    AlertStatus.UNREAD, Instant.now().truncatedTo(ChronoUnit.MICROS))).alertId());
            // not when the last alert shown is itself an earlier tie, whose neighbour id is taken
            boolean free = Stream.of(behind, ahead).noneMatch(id -> known(user, id));
            if (free && sortsBefore(new KeysetPosition(last.createdAt(), behind), last)
                    && sortsBefore(last, new KeysetPosition(last.createdAt(), ahead))) {
                tiedBehind.add(record(history.add(user, behind, AlertCategory.NEW_EXPOSURE, AlertSeverity.HIGH,
                        AlertStatus.UNREAD, last.createdAt())).alertId());
                tiedAhead.add(record(history.add(user, ahead, AlertCategory.NEW_EXPOSURE, AlertSeverity.HIGH,
                        AlertStatus.UNREAD, last.createdAt())).alertId());
            }
            history.awaitApplied();
        }

        assertThat(walked).doesNotHaveDuplicates();
        assertThat(walked.stream().filter(expected::contains).toList()).containsExactlyElementsOf(expected);
        assertThat(tiedAhead).isNotEmpty();
        assertThat(walked).containsAll(tiedAhead).doesNotContainAnyElementsOf(tiedBehind)
                .doesNotContainAnyElementsOf(newest)
                .hasSize(expected.size() + tiedAhead.size());
    }

    @Test
    void aThousandAlertsWalkByCursorAndByOffsetShowingEveryAlertOnceInOrder() throws Exception {
        UUID user = TimeOrderedIds.next();
        List<UUID> all = ids(seed(user, 1_000)); // creation times tied in threes: ties are broken by id

        assertThat(walkByCursor(user, list())).as("default limit, by cursor").containsExactlyElementsOf(all);
        assertThat(walkByCursor(user, list("limit", "100"))).as("limit 100, by cursor").containsExactlyElementsOf(all);
        assertThat(walkByOffset(user, 100)).as("limit 100, by offset").containsExactlyElementsOf(all);
        assertThat(walkByOffset(user, 37)).as("limit 37, by offset").containsExactlyElementsOf(all);
    }

    @Test
    void anOffsetPageContinuesByCursorWithTheNextOffsetPagesAlerts() throws Exception {
        UUID user = TimeOrderedIds.next();
        List<UUID> all = ids(seed(user, 30));
        assertThat(walkByOffset(user, 10)).containsExactlyElementsOf(all);

        MvcResult result = ok(user, list("offset", "10", "limit", "5", "status", "unread"));
        JsonNode page = body(result);
        URI next = nextLink(result, page);
        assertThat(next.getQuery()).doesNotContain("offset").contains("limit=5", "status=unread");
        List<UUID> unread = ids(alertsOf(user).stream().filter(alert -> alert.status() == AlertStatus.UNREAD).toList());
        assertThat(ids(page)).containsExactlyElementsOf(unread.subList(10, 15));
        assertThat(ids(body(ok(user, get(next))))).containsExactlyElementsOf(unread.subList(15, 20));
    }

    private Alert record(Alert alert) {
        made.add(alert);
        return alert;
    }

    private boolean known(UUID user, UUID alertId) {
        return alertsOf(user).stream().anyMatch(alert -> alert.alertId().equals(alertId));
    }

    private List<Alert> alertsOf(UUID user) {
        return made.stream().filter(alert -> alert.userId().equals(user))
                .sorted(Comparator.comparing(Alert::position, KeysetPosition.NEWEST_FIRST)).toList();
    }

    /** {@code count} alerts of every kind in turn, newest first; mostly unread. */
    private List<Alert> seed(UUID user, int count) {
        IntStream.range(0, count).forEach(i -> made.add(history.add(user, TimeOrderedIds.next(),
                CATEGORIES.get(i % 4), SEVERITIES.get(i / 4 % 4), i % 5 == 0 ? AlertStatus.READ : AlertStatus.UNREAD,
                SEEDED_FROM.plus(i / 3, ChronoUnit.MICROS))));
        history.awaitApplied();
        return alertsOf(user);
    }

    /** One alert of every category, severity and status (48), newest first, creation times tied in threes. */
    private List<Alert> seedEveryKind(UUID user) {
        int i = 0;
        for (AlertStatus status : STATUSES) {
            for (AlertSeverity severity : SEVERITIES) {
                for (AlertCategory category : CATEGORIES) {
                    made.add(history.add(user, TimeOrderedIds.next(), category, severity, status,
                            SEEDED_FROM.plus(i++ / 3 * 7, ChronoUnit.SECONDS)));
                }
            }
        }
        history.awaitApplied();
        return alertsOf(user);
    }

    /** Query parameters; varies case and severity spelling (repeated or comma-separated) between combinations. */
    private static String[] parameters(AlertStatus status, Set<AlertSeverity> severities, AlertCategory category,
            Instant[] range, int variant) {
        List<String> parameters = new ArrayList<>();
        if (status != null) {
            parameters.addAll(List.of("status",
                    variant % 2 == 0 ? status.name() : status.name().toLowerCase(Locale.ROOT)));
        }
        List<String> names = severities.stream().map(Enum::name).sorted(Comparator.reverseOrder()).toList();
        if (variant % 3 == 0) {
            names.forEach(name -> parameters.addAll(List.of("severity", name)));
        } else if (!names.isEmpty()) {
            parameters.addAll(List.of("severity", String.join(",", names)));
        }
        if (category != null) {
            parameters.addAll(List.of("category", category.name()));
        }
        if (range[0] != null) {
            parameters.addAll(List.of("from", range[0].toString()));
        }
        if (range[1] != null) {
            // the same instant written with another offset
            parameters.addAll(List.of("to", range[1].atOffset(ZoneOffset.ofHours(2)).toString()));
        }
        return parameters.toArray(String[]::new);
    }

    private static String query(String... parameters) {
        return IntStream.range(0, parameters.length / 2)
                .mapToObj(i -> parameters[2 * i] + "=" + parameters[2 * i + 1] + "&")
                .collect(Collectors.joining());
    }

    private static boolean sortsBefore(KeysetPosition a, KeysetPosition b) {
        return KeysetPosition.NEWEST_FIRST.compare(a, b) < 0;
    }

    private static <T> List<T> withNull(List<T> values) {
        return Stream.concat(Stream.of((T) null), values.stream()).toList();
    }

    private static List<UUID> ids(List<Alert> alerts) {
        return alerts.stream().map(Alert::alertId).toList();
    }
}
