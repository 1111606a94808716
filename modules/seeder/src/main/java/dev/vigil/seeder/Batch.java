package dev.vigil.seeder;

import dev.vigil.monitoring.api.Severity;
import dev.vigil.monitoring.domain.Finding;
import dev.vigil.seeder.UserHistory.SourceClaim;
import dev.vigil.seeder.UserHistory.UserSeed;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;

/**
 * A few users' rows for every table, in COPY text form, built on a generator thread. Event rows leave out
 * their global index, which is given when the batch is written, in batch order.
 */
final class Batch {

    private final Map<SeedTable, StringBuilder> rows = new EnumMap<>(SeedTable.class);
    private final List<String> events = new ArrayList<>();
    private final List<UserSeed> users = new ArrayList<>();
    private long readRows;

    Batch() {
        for (SeedTable table : SeedTable.values()) {
            if (table != SeedTable.EVENTS) {
                rows.put(table, new StringBuilder(1 << 16));
            }
        }
    }

    static Batch of(List<UserSeed> users, Serializer serializer) {
        Batch batch = new Batch();
        users.forEach(user -> batch.add(user, serializer));
        return batch;
    }

    List<String> events() {
        return events;
    }

    StringBuilder rows(SeedTable table) {
        return rows.get(table);
    }

    /** The users, without their events (kept only for the users file). */
    List<UserSeed> users() {
        return users;
    }

    long rowCount() {
        return events.size() + readRows;
    }

    private void add(UserSeed user, Serializer serializer) {
        users.add(new UserSeed(user.index(), user.userId(), user.kind(), List.of(), List.of()));
        for (SeedEvent event : user.events()) {
            events.add(eventRow(event, serializer));
        }
        ReadModelRows model = ReadModelRows.of(user.events());
        UserRows.Profile profile = model.profile();
        line(SeedTable.EMAIL_CLAIM).text(profile.email).value(profile.userId).end();
        line(SeedTable.USER_PROFILE).value(profile.userId).text(profile.email).text(profile.displayName)
                .text(profile.timeZone).time(profile.registeredAt).time(profile.updatedAt).value(profile.version).end();
        line(SeedTable.BILLING_KNOWN_USER).value(profile.userId).time(profile.registeredAt).end();
        line(SeedTable.MONITORING_KNOWN_USER).value(profile.userId).time(profile.registeredAt).end();
        UserRows.Subscription s = model.subscription();
        if (s != null) {
            line(SeedTable.SUBSCRIPTION).value(profile.userId).text(s.plan).text(s.status).value(s.trial)
                    .time(s.currentPeriodEnd).time(s.startedAt).time(s.cancelledAt).time(s.updatedAt)
                    .time(s.expiryNoticedAt).value(s.version).end();
        }
        DashboardCounts counts = new DashboardCounts();
        for (UserRows.Exposure e : model.exposures()) {
            // monitoring's own fingerprint rule; severity and time are not part of it
            byte[] fingerprint = new Finding(e.sourceName, e.sourceKind, e.dataTypes, Severity.LOW, e.foundAt)
                    .fingerprint().bytes();
            line(SeedTable.FINDING_CLAIM).value(e.userId).bytes(fingerprint).value(e.exposureId).end();
            line(SeedTable.EXPOSURE_FEED).value(e.exposureId).value(e.userId).text(e.sourceName).value(e.sourceKind)
                    .words(e.dataTypes).text(e.severity).text(e.status).time(e.foundAt).time(e.createdAt)
                    .time(e.updatedAt).time(e.removalRequestedAt).time(e.removedAt).value(e.reappearedCount)
                    .text(e.lastFailureReason).value(e.version).end();
            line(SeedTable.EXPOSURE_STATE).value(e.userId).value(e.exposureId).text(e.status).text(e.severity).end();
            counts.exposure(e);
        }
        for (SourceClaim claim : user.claims()) {
            line(SeedTable.ALERT_SOURCE_CLAIM).value(claim.sourceEventId()).value(claim.alertId()).end();
        }
        for (UserRows.Alert a : model.alerts()) {
            line(SeedTable.ALERT_FEED).value(a.raised.alertId()).value(a.raised.userId()).value(a.raised.category())
                    .value(a.raised.severity()).text(a.status).text(a.raised.title()).value(a.raised.exposureId())
                    .text(a.raised.sourceName()).time(a.raised.raisedAt()).time(a.readAt).time(a.dismissedAt)
                    .time(a.updatedAt).end();
            line(SeedTable.ALERT_STATE).value(a.raised.userId()).value(a.raised.alertId()).text(a.status).end();
            counts.alert(a);
        }
        UserRows.Dashboard d = model.dashboard();
        CopyLine summary = line(SeedTable.DASHBOARD_SUMMARY).value(profile.userId).text(d.displayName).text(d.plan)
                .text(d.subscriptionStatus).time(d.currentPeriodEnd).time(d.subscriptionEndsAt);
        counts.write(summary);
        summary.time(d.lastAlertAt).time(d.lastExposureAt).time(d.updatedAt).end();
    }

    private String eventRow(SeedEvent event, Serializer serializer) {
        StringBuilder row = new StringBuilder(512);
        String id = event.eventId().toString();
        String trace = event.traceId().toString();
        // the correlation data Axon's interceptors attach: the trace and the message that caused this one
        MetaData metaData = MetaData.with("traceId", trace).and("correlationId", trace);
        new CopyLine(row).text(id).text(event.aggregateId()).value(event.sequence()).text(event.aggregateType())
                .text(org.axonframework.common.DateTimeUtils.formatInstant(event.at()))
                .text(event.payload().getClass().getName()).text(null)
                .bytes(serializer.serialize(event.payload(), byte[].class).getData())
                .bytes(serializer.serialize(metaData, byte[].class).getData());
        return row.toString();
    }

    private CopyLine line(SeedTable table) {
        readRows++;
        return new CopyLine(rows.get(table));
    }

    /** The dashboard's counters from the user's item rows, as the state-transition deltas add up to. */
    private static final class DashboardCounts {
        private final int[] byStatus = new int[4];
        private final int[] openBySeverity = new int[4];
        private int alerts;
        private int unread;

        void exposure(UserRows.Exposure e) {
            byStatus[List.of("ACTIVE", "REMOVAL_REQUESTED", "REMOVED", "REMOVAL_FAILED").indexOf(e.status)]++;
            if (e.open()) {
                openBySeverity[List.of("LOW", "MEDIUM", "HIGH", "CRITICAL").indexOf(e.severity)]++;
            }
        }

        void alert(UserRows.Alert a) {
            alerts++;
            if ("UNREAD".equals(a.status)) {
                unread++;
            }
        }

        void write(CopyLine line) {
            for (int count : byStatus) {
                line.value(count);
            }
            for (int count : openBySeverity) {
                line.value(count);
            }
            line.value(alerts).value(unread);
        }
    }

}
