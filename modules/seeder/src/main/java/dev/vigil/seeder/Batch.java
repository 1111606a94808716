package dev.vigil.seeder;

import dev.vigil.monitoring.api.Fingerprint;
import dev.vigil.seeder.UserHistory.SourceClaim;
import dev.vigil.seeder.UserHistory.UserSeed;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A few users' rows for every table, in binary COPY form, built on a generator thread. Event rows leave a slot
 * for their global index, which the writer fills in batch order ({@link #numberEvents}).
 */
final class Batch {

    private final Map<SeedTable, BinaryRows> rows = new EnumMap<>(SeedTable.class);
    private final List<UserSeed> users = new ArrayList<>();
    private final EventEncoding encoding;
    private int[] globalIndexAt = new int[1024];

    private Batch(EventEncoding encoding) {
        this.encoding = encoding;
        for (SeedTable table : SeedTable.values()) {
            // sized for a batch of light users, so that most batches never grow their buffers
            rows.put(table, new BinaryRows(table == SeedTable.EVENTS ? 1 << 24 : 1 << 20));
        }
    }

    static Batch of(List<UserSeed> users, EventEncoding encoding) {
        Batch batch = new Batch(encoding);
        users.forEach(batch::add);
        return batch;
    }

    BinaryRows rows(SeedTable table) {
        return rows.get(table);
    }

    int events() {
        return rows.get(SeedTable.EVENTS).rows();
    }

    /** Gives the batch's events the global indexes after {@code last}, in order; returns the last one given. */
    long numberEvents(long last) {
        BinaryRows events = rows.get(SeedTable.EVENTS);
        for (int i = 0; i < events.rows(); i++) {
            events.setLong(globalIndexAt[i], ++last);
        }
        return last;
    }

    /** The users, without their events (kept only for the users file). */
    List<UserSeed> users() {
        return users;
    }

    long rowCount() {
        long count = 0;
        for (BinaryRows table : rows.values()) {
            count += table.rows();
        }
        return count;
    }

    private void add(UserSeed user) {
        users.add(new UserSeed(user.index(), user.userId(), user.kind(), List.of(), List.of()));
        for (SeedEvent event : user.events()) {
            eventRow(event);
        }
        ReadModelRows model = ReadModelRows.of(user.events());
        UserRows.Profile profile = model.profile();
        line(SeedTable.EMAIL_CLAIM).text(profile.email).uuid(profile.userId).end();
        line(SeedTable.USER_PROFILE).uuid(profile.userId).text(profile.email).text(profile.displayName)
                .text(profile.timeZone).time(profile.registeredAt).time(profile.updatedAt).int8(profile.version).end();
        line(SeedTable.BILLING_KNOWN_USER).uuid(profile.userId).time(profile.registeredAt).end();
        line(SeedTable.MONITORING_KNOWN_USER).uuid(profile.userId).time(profile.registeredAt).end();
        UserRows.Subscription s = model.subscription();
        if (s != null) {
            line(SeedTable.SUBSCRIPTION).uuid(profile.userId).text(s.plan).text(s.status).bool(s.trial)
                    .time(s.currentPeriodEnd).time(s.startedAt).time(s.cancelledAt).time(s.updatedAt)
                    .time(s.expiryNoticedAt).int8(s.version).end();
        }
        DashboardCounts counts = new DashboardCounts();
        for (UserRows.Exposure e : model.exposures()) {
            byte[] fingerprint = Fingerprint.of(e.sourceName, e.sourceKind, e.dataTypes).bytes();
            line(SeedTable.FINDING_CLAIM).uuid(e.userId).bytes(fingerprint).uuid(e.exposureId).end();
            line(SeedTable.EXPOSURE_FEED).uuid(e.exposureId).uuid(e.userId).text(e.sourceName).value(e.sourceKind)
                    .words(e.dataTypes).text(e.severity).text(e.status).time(e.foundAt).time(e.createdAt)
                    .time(e.updatedAt).time(e.removalRequestedAt).time(e.removedAt).int4(e.reappearedCount)
                    .text(e.lastFailureReason).int8(e.version).end();
            line(SeedTable.EXPOSURE_STATE).uuid(e.userId).uuid(e.exposureId).text(e.status).text(e.severity)
                    .int8(e.version).end();
            counts.exposure(e);
        }
        for (SourceClaim claim : user.claims()) {
            // the policy claims the source event's id as Axon gives it: text
            line(SeedTable.ALERT_SOURCE_CLAIM).value(claim.sourceEventId()).uuid(claim.alertId()).end();
        }
        for (UserRows.Alert a : model.alerts()) {
            line(SeedTable.ALERT_FEED).uuid(a.raised.alertId()).uuid(a.raised.userId()).value(a.raised.category())
                    .value(a.raised.severity()).text(a.status).text(a.raised.title()).uuid(a.raised.exposureId())
                    .text(a.raised.sourceName()).time(a.raised.raisedAt()).time(a.readAt).time(a.dismissedAt)
                    .time(a.updatedAt).int8(a.version).end();
            line(SeedTable.ALERT_STATE).uuid(a.raised.userId()).uuid(a.raised.alertId()).text(a.status).int8(a.version)
                    .end();
            counts.alert(a);
        }
        if (model.alertInboxVersion() >= 0) {
            line(SeedTable.ALERT_INBOX_VERSION).uuid(profile.userId).int8(model.alertInboxVersion()).end();
        }
        UserRows.Dashboard d = model.dashboard();
        BinaryRows summary = line(SeedTable.DASHBOARD_SUMMARY).uuid(profile.userId).text(d.displayName).text(d.plan)
                .text(d.subscriptionStatus).time(d.currentPeriodEnd).time(d.subscriptionEndsAt);
        counts.write(summary);
        summary.time(d.lastAlertAt).time(d.lastExposureAt).time(d.updatedAt)
                .int8(profile.version).int8(s == null ? -1 : s.version).int8(model.alertInboxVersion()).end();
    }

    private void eventRow(SeedEvent event) {
        BinaryRows events = rows.get(SeedTable.EVENTS).row();
        int n = events.rows() - 1;
        if (n == globalIndexAt.length) {
            globalIndexAt = Arrays.copyOf(globalIndexAt, n * 2);
        }
        globalIndexAt[n] = events.int8Slot();
        events.text(event.eventId().toString()).text(event.aggregateId()).int8(event.sequence())
                .text(event.aggregateType()).bytes(EventTimestamps.of(event.at()))
                .text(event.payload().getClass().getName()).text(null)
                .bytes(encoding.payload(event.payload())).bytes(encoding.metaData(event.traceId()))
                .end();
    }

    private BinaryRows line(SeedTable table) {
        return rows.get(table).row();
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

        void write(BinaryRows line) {
            for (int count : byStatus) {
                line.int4(count);
            }
            for (int count : openBySeverity) {
                line.int4(count);
            }
            line.int4(alerts).int4(unread);
        }
    }

}
