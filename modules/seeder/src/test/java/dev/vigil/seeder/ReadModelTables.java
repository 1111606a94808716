package dev.vigil.seeder;

import dev.vigil.platform.testing.ReadModelChecksums;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every read model's processor and the tables it owns, with each table's key order for checksums. */
public final class ReadModelTables {

    public record Table(String name, String orderBy) {
    }

    private static final Map<String, List<Table>> ALL = new LinkedHashMap<>();

    static {
        ALL.put("identity-user-profile", List.of(new Table("identity.user_profile_view", "user_id")));
        ALL.put("billing-subscription", List.of(new Table("billing.subscription_view", "user_id")));
        ALL.put("monitoring-exposure-feed", List.of(new Table("monitoring.exposure_feed", "exposure_id")));
        ALL.put("alerting-alert-feed", List.of(new Table("alerting.alert_feed", "alert_id"),
                new Table("alerting.alert_inbox_version", "user_id")));
        ALL.put("dashboard-summary", List.of(new Table("dashboard.dashboard_summary", "user_id"),
                new Table("dashboard.exposure_state", "user_id, exposure_id"),
                new Table("dashboard.alert_state", "user_id, alert_id")));
    }

    private ReadModelTables() {
    }

    public static Map<String, List<Table>> all() {
        return ALL;
    }

    public static Map<String, String> checksums(JdbcClient jdbc, List<Table> tables) {
        Map<String, String> checksums = new LinkedHashMap<>();
        tables.forEach(table -> checksums.put(table.name(), ReadModelChecksums.checksum(jdbc, table.name(), table.orderBy())));
        return checksums;
    }
}
