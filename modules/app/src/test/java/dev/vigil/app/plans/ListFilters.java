package dev.vigil.app.plans;

import java.util.List;

/**
 * Every filter combination the list endpoints accept (docs/api-conventions.md, "Filtering list endpoints"), each
 * as the query string a client sends: one value and several of severity, every status kind (alerts' UNREAD has
 * its own statements), the rarest source kind where it is a residual filter, and from/to alone and with each filter.
 */
final class ListFilters {

    static final String ALERTS = "/api/v1/alerts";
    static final String EXPOSURES = "/api/v1/exposures";

    /** Nine months in the middle of the seeded two years (which end 2026-11-27): both bounds cut into the list. */
    private static final String RANGE = "from=2025-11-01T00:00:00Z&to=2026-08-01T00:00:00Z";

    static final List<String> ALERT_FILTERS = List.of(
            "",
            "status=UNREAD",
            "status=READ",
            "status=DISMISSED",
            "status=UNREAD&category=NEW_EXPOSURE",
            "status=READ&category=EXPOSURE_REAPPEARED",
            "category=NEW_EXPOSURE",
            "severity=CRITICAL",
            "severity=HIGH,LOW",
            "severity=HIGH,CRITICAL&status=UNREAD",
            "severity=MEDIUM&category=NEW_EXPOSURE",
            "severity=HIGH,MEDIUM&status=READ&category=NEW_EXPOSURE",
            RANGE,
            RANGE + "&status=UNREAD",
            RANGE + "&status=READ",
            RANGE + "&category=NEW_EXPOSURE",
            RANGE + "&severity=HIGH,LOW");

    static final List<String> EXPOSURE_FILTERS = List.of(
            "",
            "status=ACTIVE",
            "status=REMOVED",
            "severity=HIGH",
            "severity=LOW,CRITICAL",
            "sourceKind=DATA_BROKER",
            "status=REMOVED&severity=MEDIUM",
            "status=ACTIVE&severity=HIGH,CRITICAL",
            "status=ACTIVE&sourceKind=PASTE",
            "severity=MEDIUM&sourceKind=PASTE",
            "severity=LOW,HIGH&sourceKind=PASTE",
            "status=ACTIVE&severity=MEDIUM&sourceKind=PASTE",
            "status=REMOVED&severity=LOW,MEDIUM&sourceKind=DATA_BROKER",
            RANGE,
            RANGE + "&status=ACTIVE",
            RANGE + "&severity=CRITICAL,HIGH",
            RANGE + "&sourceKind=BREACH");

    private ListFilters() {
    }

    /** How many severities a query string asks for (each is an index range of its own). */
    static int severities(String filters) {
        for (String parameter : filters.split("&")) {
            if (parameter.startsWith("severity=")) {
                return parameter.substring("severity=".length()).split(",").length;
            }
        }
        return 1;
    }
}
