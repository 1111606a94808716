package dev.vigil.dashboard.query;

import java.time.Instant;
import java.util.UUID;

/** Everything the dashboard screen shows, from one row. */
public record DashboardView(UUID userId, String displayName, Subscription subscription, Exposures exposures,
        Alerts alerts, int riskScore, Instant updatedAt) {

    /** {@code status} is null while the user never started a subscription. */
    public record Subscription(String plan, String status, Instant currentPeriodEnd, Instant endsAt) {
    }

    /** Counts by status, and open (not removed) counts by severity. */
    public record Exposures(int active, int removalRequested, int removed, int removalFailed, int openLow,
            int openMedium, int openHigh, int openCritical, Instant lastDetectedAt) {
    }

    public record Alerts(int total, int unread, Instant lastRaisedAt) {
    }
}
