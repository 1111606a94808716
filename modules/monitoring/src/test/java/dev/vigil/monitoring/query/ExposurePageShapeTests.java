package dev.vigil.monitoring.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.monitoring.api.ExposureStatus;
import dev.vigil.monitoring.api.Severity;
import dev.vigil.monitoring.api.SourceKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ExposurePageShapeTests {

    private static final Pattern NAME = Pattern.compile("^/\\* (monitoring\\.[a-z_]+) \\*/\n");
    private static final Pattern PARAMETER = Pattern.compile("(?<!:):([a-zA-Z]+)");

    @Test
    void everyFilterCombinationGetsTheStatementsThatFilterExactlyByIt() {
        List<Set<Severity>> severitySets = List.of(Set.of(), Set.of(Severity.HIGH),
                EnumSet.of(Severity.LOW, Severity.CRITICAL), EnumSet.of(Severity.LOW, Severity.MEDIUM, Severity.HIGH));
        Set<ExposurePageShape> used = new HashSet<>();
        for (ExposureStatus status : withNull(ExposureStatus.values())) {
            for (Set<Severity> severities : severitySets) {
                for (SourceKind sourceKind : withNull(SourceKind.values())) {
                    ExposureFilters filters = new ExposureFilters(status, severities, sourceKind,
                            Instant.parse("2026-01-01T00:00:00Z"), null);
                    ExposurePageShape shape = ExposurePageShape.of(filters);
                    used.add(shape);
                    for (String sql : List.of(shape.keysetSql(), shape.offsetSql())) {
                        assertThat(sql.contains("status = :status")).as(sql).isEqualTo(status != null);
                        assertThat(sql.contains("source_kind = :sourceKind")).as(sql).isEqualTo(sourceKind != null);
                        assertThat(sql.contains("severity = :severity")).as(sql).isEqualTo(severities.size() == 1);
                        assertThat(sql.contains("unnest(CAST(:severities AS varchar[]))")).as(sql)
                                .isEqualTo(severities.size() > 1);
                    }
                }
            }
        }
        assertThat(used).containsExactlyInAnyOrder(ExposurePageShape.values());
    }

    @Test
    void allFourSeveritiesReadTheRangeWithoutSeverity() {
        Set<Severity> all = EnumSet.allOf(Severity.class);
        assertThat(ExposurePageShape.of(new ExposureFilters(null, all, null, null, null)))
                .isEqualTo(ExposurePageShape.ALL);
        assertThat(ExposurePageShape.of(new ExposureFilters(ExposureStatus.ACTIVE, all, SourceKind.PASTE, null, null)))
                .isEqualTo(ExposurePageShape.STATUS_SOURCE_KIND);
    }

    @Test
    void everyStatementHasItsOwnNameAfterItsShape() {
        List<String> names = new ArrayList<>();
        for (ExposurePageShape shape : ExposurePageShape.values()) {
            String suffix = shape == ExposurePageShape.ALL ? "" : "_by_" + shape.name().toLowerCase();
            assertThat(name(shape.keysetSql())).isEqualTo("monitoring.exposure_page" + suffix);
            assertThat(name(shape.offsetSql())).isEqualTo("monitoring.exposure_offset_page" + suffix);
            names.add(name(shape.keysetSql()));
            names.add(name(shape.offsetSql()));
        }
        assertThat(names).hasSize(24).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @EnumSource(ExposurePageShape.class)
    void keysetStatementsContinueAfterTheCursorAndOffsetStatementsSkip(ExposurePageShape shape) {
        assertThat(shape.keysetSql()).contains("(created_at, exposure_id) < (:afterCreatedAt, :afterId)")
                .doesNotContain(":offset").endsWith("LIMIT :fetchSize");
        assertThat(shape.offsetSql()).doesNotContain(":afterCreatedAt").endsWith("LIMIT :fetchSize OFFSET :offset");
        for (String sql : List.of(shape.keysetSql(), shape.offsetSql())) {
            assertThat(sql).contains("user_id = :userId", "created_at >= :from AND created_at < :to",
                    "ORDER BY created_at DESC, exposure_id DESC\n")
                    .doesNotContainIgnoringCase("select *").doesNotContainIgnoringCase("count(")
                    .doesNotContain("= ANY");
            assertThat(parameters(sql)).isSubsetOf("userId", "status", "severity", "severities", "sourceKind", "from",
                    "to", "afterCreatedAt", "afterId", "fetchSize", "offset", "branchLimit");
        }
    }

    private static String name(String sql) {
        Matcher matcher = NAME.matcher(sql);
        assertThat(matcher.find()).as(sql).isTrue();
        return matcher.group(1);
    }

    private static Set<String> parameters(String sql) {
        Set<String> parameters = new HashSet<>();
        Matcher matcher = PARAMETER.matcher(sql);
        while (matcher.find()) {
            parameters.add(matcher.group(1));
        }
        return parameters;
    }

    private static <T> List<T> withNull(T[] values) {
        List<T> list = new ArrayList<>();
        list.add(null);
        list.addAll(List.of(values));
        return list;
    }
}
