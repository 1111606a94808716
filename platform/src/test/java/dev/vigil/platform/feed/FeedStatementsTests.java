package dev.vigil.platform.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.platform.paging.KeysetPosition;
import dev.vigil.platform.sql.StatementNames;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FeedStatementsTests {

    enum Status { NEW, OLD, GONE }

    enum Level { LOW, MID, HIGH }

    enum Kind { A, B }

    static final FeedFilter<Status> STATUS = FeedFilter.oneOf("status", Status.class).withOwnIndexFor(Status.NEW);
    static final FeedFilter<Level> LEVEL = FeedFilter.anyOf("level", Level.class);
    static final FeedFilter<Kind> KIND = FeedFilter.oneOf("sourceKind", Kind.class);

    private static final Pattern PARAMETER = Pattern.compile("(?<!:):([a-zA-Z]+)");
    private final FeedStatements statements = new FeedStatements("probe.item_feed", "item_id", "item_id, created_at",
            "probe.item_page", "probe.item_by_id", List.of(STATUS, LEVEL, KIND));
    private final UUID user = UUID.randomUUID();

    @Test
    void everyShapeHasItsOwnNamedKeysetAndOffsetStatement() {
        List<String> texts = statements.pageStatements();
        // status: absent, one, its own index; level: absent, one, several; kind: absent, one
        assertThat(texts).hasSize(2 * 3 * 3 * 2);
        assertThat(texts.stream().map(StatementNames::of)).doesNotHaveDuplicates()
                .allSatisfy(name -> assertThat(name).startsWith("probe.item_page"))
                .contains("probe.item_page", "probe.item_page_at_offset", "probe.item_page_by_new",
                        "probe.item_page_by_status_levels_source_kind_at_offset", "probe.item_page_by_level");
        assertThat(texts).allSatisfy(sql -> assertThat(sql)
                .contains("user_id = :userId", "created_at >= :from",
                        "(created_at, item_id) < (:beforeCreatedAt, :beforeId)",
                        "ORDER BY created_at DESC, item_id DESC")
                .doesNotContain("SELECT *", "ANY(", "COUNT(", "%s"));
    }

    @Test
    void bindsExactlyTheParametersTheTextUses() {
        FeedSelection several = FeedSelection.builder().with(STATUS, Status.OLD).with(LEVEL, Level.LOW, Level.HIGH)
                .window(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z")).build();
        for (FeedSelection selection : List.of(FeedSelection.ALL, several,
                FeedSelection.builder().with(STATUS, Status.NEW).with(KIND, Kind.B).build())) {
            for (Integer offset : new Integer[] {null, 20}) {
                BoundStatement statement = statements.page(user, selection, KeysetPosition.START, offset, 51);
                assertThat(statement.parameters().keySet()).as(statement.sql())
                        .isEqualTo(parameters(statement.sql()));
            }
        }
    }

    @Test
    void aValueWithItsOwnIndexIsWrittenLiterallyAndOtherValuesExcludeIt() {
        String own = sql(FeedSelection.builder().with(STATUS, Status.NEW).build());
        String other = sql(FeedSelection.builder().with(STATUS, Status.GONE).build());
        assertThat(own).startsWith("/* probe.item_page_by_new */").contains("AND status = 'NEW'")
                .doesNotContain(":status");
        assertThat(other).startsWith("/* probe.item_page_by_status */")
                .contains("AND status = :status AND status <> 'NEW'");
    }

    @Test
    void severalValuesAreReadOneRangeEachAndOneValueAsAPlainRange() {
        String several = sql(FeedSelection.builder().with(LEVEL, Level.LOW, Level.MID).build());
        String one = sql(FeedSelection.builder().with(LEVEL, Level.MID).build());
        assertThat(several).contains("FROM unnest(CAST(:level AS varchar[])) AS wanted(value)",
                "CROSS JOIN LATERAL", "AND level = wanted.value", "LIMIT :fetchSize\n) AS branch");
        assertThat(one).contains("AND level = :level").doesNotContain("unnest");
    }

    @Test
    void toBecomesTheKeysetBoundAndFromTheLowerBound() {
        FeedSelection window = FeedSelection.builder()
                .window(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z")).build();
        BoundStatement statement = statements.page(user, window, KeysetPosition.START, null, 51);
        assertThat(statement.parameters().get("from").toString()).isEqualTo("2026-01-01T00:00Z");
        assertThat(statement.parameters().get("beforeCreatedAt").toString()).isEqualTo("2026-02-01T00:00Z");
        assertThat(statement.parameters().get("beforeId")).isEqualTo(new UUID(0, 0));
    }

    @Test
    void theLookupIsScopedByTheUser() {
        BoundStatement lookup = statements.byId(user, UUID.randomUUID());
        assertThat(lookup.sql()).startsWith("/* probe.item_by_id */").endsWith("WHERE item_id = :id AND user_id = :userId");
        assertThat(lookup.parameters()).containsEntry("userId", user);
    }

    private String sql(FeedSelection selection) {
        return statements.page(user, selection, KeysetPosition.START, null, 51).sql();
    }

    private static Set<String> parameters(String sql) {
        Set<String> names = new HashSet<>();
        Matcher matcher = PARAMETER.matcher(sql);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
