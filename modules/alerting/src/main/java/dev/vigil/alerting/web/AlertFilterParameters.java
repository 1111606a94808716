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
import org.springframework.util.MultiValueMap;
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
 * Names are matched in any case. Anything else is a 400 problem naming each parameter at fault.
 */
final class AlertFilterParameters {

    static final String STATUS = "status";
    static final String SEVERITY = "severity";
    static final String CATEGORY = "category";
    static final String FROM = "from";
    static final String TO = "to";

    private final MultiValueMap<String, String> parameters;
    private final List<FieldError> errors = new ArrayList<>();

    private AlertFilterParameters(MultiValueMap<String, String> parameters) {
        this.parameters = parameters;
    }

    /**
     * @throws ErrorResponseException 400 with every filter parameter that is wrong
     */
    static AlertFilter parse(MultiValueMap<String, String> parameters) {
        return new AlertFilterParameters(parameters).parse();
    }

    private AlertFilter parse() {
        AlertStatus status = oneOf(STATUS, AlertStatus.class);
        Set<AlertSeverity> severities = severities();
        AlertCategory category = oneOf(CATEGORY, AlertCategory.class);
        Instant from = instant(FROM);
        Instant to = instant(TO);
        if (from != null && to != null && !to.isAfter(from)) {
            errors.add(new FieldError(TO, "must be after from"));
        }
        if (!errors.isEmpty()) {
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, ProblemDetailsAdvice.invalidInput(errors), null);
        }
        return new AlertFilter(status, severities, category, from, to);
    }

    @Nullable
    private <E extends Enum<E>> E oneOf(String name, Class<E> type) {
        String text = single(name);
        if (text == null) {
            return null;
        }
        E value = constant(type, text);
        if (value == null) {
            errors.add(new FieldError(name, "must be one of " + names(type)));
        }
        return value;
    }

    private Set<AlertSeverity> severities() {
        List<String> values = parameters.get(SEVERITY);
        Set<AlertSeverity> severities = EnumSet.noneOf(AlertSeverity.class);
        if (values == null) {
            return severities;
        }
        for (String value : values) {
            for (String text : value.split(",", -1)) {
                AlertSeverity severity = constant(AlertSeverity.class, text);
                if (severity == null) {
                    errors.add(new FieldError(SEVERITY, "must be one or more of " + names(AlertSeverity.class)
                            + ", repeated or comma-separated"));
                    return severities;
                }
                severities.add(severity);
            }
        }
        return severities;
    }

    @Nullable
    private Instant instant(String name) {
        String text = single(name);
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

    /** The parameter's only value, null when absent; a repeated one is an error rather than a guess. */
    @Nullable
    private String single(String name) {
        List<String> values = parameters.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            errors.add(new FieldError(name, "must be given once"));
            return null;
        }
        return values.getFirst();
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
