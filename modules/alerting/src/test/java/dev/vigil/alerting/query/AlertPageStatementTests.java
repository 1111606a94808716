package dev.vigil.alerting.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.alerting.api.AlertCategory;
import dev.vigil.alerting.api.AlertSeverity;
import dev.vigil.alerting.api.AlertStatus;
import dev.vigil.platform.sql.StatementNames;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AlertPageStatementTests {

    private static final Pattern PARAMETER = Pattern.compile("(?<!:):([a-zA-Z]+)");
    /** What AlertFeedReads binds. */
    private static final Set<String> BOUND = Set.of("userId", "status", "category", "severities", "from",
            "beforeCreatedAt", "beforeAlertId", "fetchSize", "branchSize", "offset");

    @ParameterizedTest
    @EnumSource(AlertPageStatement.class)
    void eachTextCarriesItsOwnNameAndOnlyParametersThatAreBound(AlertPageStatement statement) {
        assertThat(StatementNames.of(statement.keysetSql())).isEqualTo(statement.statementName());
        assertThat(StatementNames.of(statement.offsetSql())).isEqualTo(statement.statementName() + "_at_offset");
        for (String sql : List.of(statement.keysetSql(), statement.offsetSql())) {
            assertThat(sql).doesNotContain("SELECT *", "%s", "%1$s", "%2$s", "ANY(", "COUNT(")
                    .contains("user_id = :userId", "ORDER BY", "created_at DESC", "alert_id DESC", "LIMIT :fetchSize");
            assertThat(parameters(sql)).isSubsetOf(BOUND);
        }
        assertThat(statement.keysetSql()).doesNotContain("OFFSET");
        assertThat(statement.offsetSql()).endsWith("OFFSET :offset");
    }

    @Test
    void everyStatementHasItsOwnName() {
        List<String> names = Arrays.stream(AlertPageStatement.values())
                .flatMap(statement -> Stream.of(StatementNames.of(statement.keysetSql()),
                        StatementNames.of(statement.offsetSql())))
                .toList();
        assertThat(names).doesNotHaveDuplicates().hasSize(2 * AlertPageStatement.values().length)
                .allSatisfy(name -> assertThat(name).startsWith("alerting.alert_page"));
    }

    @Test
    void choosesTheStatementByWhichFiltersArePresent() {
        Set<AlertPageStatement> chosen = new HashSet<>();
        for (AlertStatus status : withNull(AlertStatus.values())) {
            for (Set<AlertSeverity> severities : List.of(Set.<AlertSeverity>of(), Set.of(AlertSeverity.LOW),
                    Set.of(AlertSeverity.LOW, AlertSeverity.CRITICAL))) {
                for (AlertCategory category : withNull(AlertCategory.values())) {
                    AlertPageStatement statement = AlertPageStatement.forFilter(
                            new AlertFilter(status, severities, category, null, null));
                    chosen.add(statement);
                    String sql = statement.keysetSql();
                    assertThat(sql.contains(":status") || sql.contains("status = 'UNREAD'"))
                            .as("status filtered: " + statement).isEqualTo(status != null);
                    assertThat(sql.contains("status = 'UNREAD'")).isEqualTo(status == AlertStatus.UNREAD
                            && severities.isEmpty());
                    assertThat(sql.contains(":severities")).as("severity filtered").isEqualTo(!severities.isEmpty());
                    assertThat(sql.contains(":category")).as("category filtered").isEqualTo(category != null);
                }
            }
        }
        assertThat(chosen).containsExactlyInAnyOrder(AlertPageStatement.values());
    }

    private static Set<String> parameters(String sql) {
        Set<String> names = new HashSet<>();
        Matcher matcher = PARAMETER.matcher(sql);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    @SafeVarargs
    private static <T> List<T> withNull(T... values) {
        return Stream.concat(Stream.of((T) null), Arrays.stream(values)).toList();
    }
}
