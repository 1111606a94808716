package dev.vigil.alerting.api;

/** Why an alert was raised. */
public enum AlertCategory {
    NEW_EXPOSURE, EXPOSURE_REAPPEARED, PAYMENT_FAILED, SUBSCRIPTION_EXPIRING
}
