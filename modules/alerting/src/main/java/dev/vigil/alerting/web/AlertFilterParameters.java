package dev.vigil.alerting.web;

import dev.vigil.alerting.api.AlertCategory;
import dev.vigil.alerting.api.AlertSeverity;
import dev.vigil.alerting.api.AlertStatus;
import dev.vigil.alerting.query.AlertFilter;
import dev.vigil.platform.web.FilterParameters;
import java.time.Instant;
import java.util.Set;
import org.springframework.lang.Nullable;
import org.springframework.web.ErrorResponseException;

/**
 * The alert list's filter parameters, read by the platform's {@link FilterParameters} rules into an
 * {@link AlertFilter}:
 * <ul>
 * <li>{@code status}: one of UNREAD, READ, DISMISSED;</li>
 * <li>{@code severity}: one or more of LOW, MEDIUM, HIGH, CRITICAL;</li>
 * <li>{@code category}: one of NEW_EXPOSURE, EXPOSURE_REAPPEARED, PAYMENT_FAILED, SUBSCRIPTION_EXPIRING;</li>
 * <li>{@code from} (inclusive) and {@code to} (exclusive) on the alert's creation time.</li>
 * </ul>
 */
final class AlertFilterParameters {

    static final String STATUS = "status";
    static final String SEVERITY = "severity";
    static final String CATEGORY = "category";
    static final String FROM = "from";
    static final String TO = "to";

    private AlertFilterParameters() {
    }

    /**
     * Each parameter as Spring binds it to a {@code String} (a repeated parameter arrives comma-joined, so a
     * repeated {@code status} is rejected like a list).
     *
     * @throws ErrorResponseException 400 with every filter parameter that is wrong
     */
    static AlertFilter parse(@Nullable String status, @Nullable String severities, @Nullable String category,
            @Nullable String from, @Nullable String to) {
        FilterParameters parameters = new FilterParameters();
        AlertStatus parsedStatus = parameters.oneOf(STATUS, AlertStatus.class, status);
        Set<AlertSeverity> parsedSeverities = parameters.someOf(SEVERITY, AlertSeverity.class, severities);
        AlertCategory parsedCategory = parameters.oneOf(CATEGORY, AlertCategory.class, category);
        Instant parsedFrom = parameters.instant(FROM, from, AlertFilter.EARLIEST, AlertFilter.LATEST);
        Instant parsedTo = parameters.instant(TO, to, AlertFilter.EARLIEST, AlertFilter.LATEST);
        parameters.requireAfter(TO, parsedTo, FROM, parsedFrom);
        parameters.validate();
        return new AlertFilter(parsedStatus, parsedSeverities, parsedCategory, parsedFrom, parsedTo);
    }
}
