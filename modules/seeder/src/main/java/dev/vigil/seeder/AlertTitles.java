package dev.vigil.seeder;

import dev.vigil.billing.api.Plan;
import dev.vigil.monitoring.api.DataType;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.Instant;
import java.util.List;

/**
 * The titles alerting's policy gives its alerts, from alerting's own (package-private) {@code AlertTitles}:
 * called, not copied, so seeded titles follow any change to the wording.
 */
final class AlertTitles {

    private static final MethodHandle NEW_EXPOSURE;
    private static final MethodHandle EXPOSURE_REAPPEARED;
    private static final MethodHandle PAYMENT_FAILED;
    private static final MethodHandle SUBSCRIPTION_EXPIRING;

    static {
        try {
            Class<?> titles = Class.forName("dev.vigil.alerting.domain.AlertTitles");
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(titles, MethodHandles.lookup());
            NEW_EXPOSURE = lookup.findStatic(titles, "newExposure", MethodType.methodType(String.class, List.class, String.class));
            EXPOSURE_REAPPEARED = lookup.findStatic(titles, "exposureReappeared", MethodType.methodType(String.class, String.class));
            PAYMENT_FAILED = lookup.findStatic(titles, "paymentFailed", MethodType.methodType(String.class, Plan.class));
            SUBSCRIPTION_EXPIRING = lookup.findStatic(titles, "subscriptionExpiring",
                    MethodType.methodType(String.class, Plan.class, Instant.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private AlertTitles() {
    }

    static String newExposure(List<DataType> dataTypes, String sourceName) {
        return invoke(() -> (String) NEW_EXPOSURE.invokeExact((List) dataTypes, sourceName));
    }

    static String exposureReappeared(String sourceName) {
        return invoke(() -> (String) EXPOSURE_REAPPEARED.invokeExact(sourceName));
    }

    static String paymentFailed(Plan plan) {
        return invoke(() -> (String) PAYMENT_FAILED.invokeExact(plan));
    }

    static String subscriptionExpiring(Plan plan, Instant expiresAt) {
        return invoke(() -> (String) SUBSCRIPTION_EXPIRING.invokeExact(plan, expiresAt));
    }

    private interface Call {
        String run() throws Throwable;
    }

    private static String invoke(Call call) {
        try {
            return call.run();
        } catch (Throwable e) {
            throw new IllegalStateException("alerting's AlertTitles failed", e);
        }
    }
}
