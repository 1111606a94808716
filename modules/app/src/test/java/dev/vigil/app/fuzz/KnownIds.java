package dev.vigil.app.fuzz;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the setup created before the fuzzing: the fuzzing users with their alerts and exposures, the canaries'
 * alerts and exposures (another user's ids, for the fuzzing users to try), and page cursors of both.
 */
record KnownIds(List<UUID> users, Map<UUID, List<UUID>> alerts, Map<UUID, List<UUID>> exposures,
        List<UUID> canaryAlerts, List<UUID> canaryExposures, List<String> cursors) {

    List<UUID> allAlerts() {
        return alerts.values().stream().flatMap(List::stream).toList();
    }

    List<UUID> allExposures() {
        return exposures.values().stream().flatMap(List::stream).toList();
    }
}
