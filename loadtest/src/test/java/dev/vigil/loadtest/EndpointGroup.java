package dev.vigil.loadtest;

import java.util.Map;

/**
 * The endpoint group of a {@link FaultWorkload} request: what it reads or writes, so a fault that takes one table
 * away (a lock on {@code alerting.alert_feed}) can be told apart from one that takes the whole service away. A
 * request's group follows from its name.
 */
final class EndpointGroup {

    /** Reads of {@code alerting.alert_feed}: the alert list and single alerts. */
    static final String ALERT_FEED = "alert-feed reads";
    /** Marking an alert read: a command whose read-your-writes wait includes the alert feed's projection. */
    static final String ALERT_WRITES = "alert writes";
    static final String DASHBOARD = "dashboard reads";
    static final String EXPOSURES = "exposure reads";
    /** Profile and subscription: identity's and billing's read tables. */
    static final String ACCOUNT = "account reads";
    /** New findings: monitoring's event store writes. */
    static final String FINDING_WRITES = "finding writes";

    private static final Map<String, String> BY_REQUEST = Map.of(
            FaultWorkload.ALERTS, ALERT_FEED,
            FaultWorkload.ALERT, ALERT_FEED,
            FaultWorkload.ALERT_AFTER_READ, ALERT_FEED,
            FaultWorkload.ALERT_READ, ALERT_WRITES,
            FaultWorkload.DASHBOARD, DASHBOARD,
            FaultWorkload.EXPOSURES_ACTIVE, EXPOSURES,
            FaultWorkload.ME, ACCOUNT,
            FaultWorkload.SUBSCRIPTION, ACCOUNT,
            FaultWorkload.FINDING, FINDING_WRITES);

    private EndpointGroup() {
    }

    /** The group of a request name; the name itself for a request no group claims. */
    static String of(String requestName) {
        return BY_REQUEST.getOrDefault(requestName, requestName);
    }

    /** Whether requests of the group read or write {@code alerting.alert_feed} (directly or by waiting on it). */
    static boolean touchesAlertFeed(String group) {
        return group.equals(ALERT_FEED) || group.equals(ALERT_WRITES);
    }
}
