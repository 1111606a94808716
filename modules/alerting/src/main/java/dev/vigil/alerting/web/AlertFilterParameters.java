package dev.vigil.alerting.web;

import dev.vigil.alerting.api.AlertCategory;
import dev.vigil.alerting.api.AlertSeverity;
import dev.vigil.alerting.api.AlertStatus;
import dev.vigil.alerting.query.AlertFilter;
import dev.vigil.platform.web.FieldError;
import dev.vigil.platform.web.ProblemDetailsAdvice;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.lang.Nullable;
import org.springframework.web.ErrorResponseException;

/**
 * The alert list's filter parameters, read from the query string into an {@link AlertFilter}:
 * <ul>
 * <li>{@code status}: one of UNREAD, READ, DISMISSED;</li>
 * <li>{@code severity}: one or more of LOW, MEDIUM, HIGH, CRITICAL, repeated ({@code severity=HIGH&severity=LOW})
 * or comma-separated ({@code severity=HIGH,LOW});</li>
 * <li>{@code category}: one of NEW_EXPOSURE, EXPOSURE_REAPPEARED, PAYMENT_FAILED, SUBSCRIPTION_EXPIRING;</li>
 * <li>{@code from} (inclusive) and {@code to} (exclusive): ISO-8601 instants with an offset
 * ({@code 2026-11-01T00:00:00Z}) on the alert's creation time.</li>
 * </ul>
 * Values are matched in any case; an empty value is an error rather than "not filtered", so a client bug never
 * silently widens the list. Anything else is a 400 problem naming each parameter at fault.
 */
final class AlertFilterParameters {

    static final String STATUS = "status";
    static final String SEVERITY = "severity";
    static final String CATEGORY = "category";
    static final String FROM = "from";
    static final String TO = "to";

    private final List<FieldError> errors = new ArrayList<>();

    private AlertFilterParameters() {
    }

    /**
     * Each parameter as Spring binds it to a {@code String}: a repeated parameter arrives joined with commas, so
     * {@code severity=HIGH&severity=LOW} reads like {@code severity=HIGH,LOW} and a repeated {@code status} is
     * rejected like a list. (Bound to a {@code List}, an empty {@code severity=} would arrive as an empty list and
     * silently filter nothing.)
     *
     * @throws ErrorResponseException 400 with every filter parameter that is wrong
     */
    static AlertFilter parse(@Nullable String status, @Nullable String severities, @Nullable String category,
            @Nullable String from, @Nullable String to) {
        return new AlertFilterParameters().read(status, severities, category, from, to);
    }

    private AlertFilter read(@Nullable String statusText, @Nullable String severityText, @Nullable String categoryText,
            @Nullable String fromText, @Nullable String toText) {
        AlertStatus status = oneOf(STATUS, AlertStatus.class, statusText);
        Set<AlertSeverity> severities = severities(severityText);
        AlertCategory category = oneOf(CATEGORY, AlertCategory.class, categoryText);
        Instant from = instant(FROM, fromText);
        Instant to = instant(TO, toText);
        if (from != null && to != null && !to.isAfter(from)) {
            errors.add(new FieldError(TO, "must be after from"));
        }
        if (!errors.isEmpty()) {
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, ProblemDetailsAdvice.invalidInput(errors), null);
        }
        return new AlertFilter(status, severities, category, from, to);
    }

    @Nullable
    private <E extends Enum<E>> E oneOf(String name, Class<E> type, @Nullable String text) {
        if (text == null) {
            return null;
        }
        E value = constant(type, text);
        if (value == null) {
            errors.add(new FieldError(name, "must be one of " + names(type)));
        }
        return value;
    }

    private Set<AlertSeverity> severities(@Nullable String values) {
        Set<AlertSeverity> severities = EnumSet.noneOf(AlertSeverity.class);
        if (values == null) {
            return severities;
        }
        for (String text : values.split(",", -1)) {
            AlertSeverity severity = constant(AlertSeverity.class, text);
            if (severity == null) {
                errors.add(new FieldError(SEVERITY, "must be one or more of " + names(AlertSeverity.class)
                        + ", repeated or comma-separated"));
                return severities;
            }
            severities.add(severity);
        }
        return severities;
    }

    @Nullable
    private Instant instant(String name, @Nullable String text) {
        if (text == null) {
            return null;
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name,
                    "must be an ISO-8601 instant with an offset, such as 2026-11-01T00:00:00Z"));
            return null;
        }
        if (!AlertFilter.isInRange(instant)) {
            errors.add(new FieldError(name, "must be between " + AlertFilter.EARLIEST + " and " + AlertFilter.LATEST));
            return null;
        }
        return instant;
    }

    @Nullable
    private static <E extends Enum<E>> E constant(Class<E> type, String text) {
        String name = text.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(type.getEnumConstants()).filter(constant -> constant.name().equals(name))
                .findFirst().orElse(null);
    }

    private static String names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
