package dev.vigil.monitoring.web;

import dev.vigil.monitoring.api.ExposureStatus;
import dev.vigil.monitoring.api.Severity;
import dev.vigil.monitoring.api.SourceKind;
import dev.vigil.monitoring.query.ExposureFilters;
import dev.vigil.platform.web.FieldError;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.lang.Nullable;

/**
 * Turns the exposure list's query parameters into {@link ExposureFilters}, or answers 400 naming every parameter
 * that is wrong. Values are matched exactly (enum names in capitals); an empty value is an error rather than
 * "not filtered", so a client bug never silently widens the list.
 */
final class ExposureFilterParameters {

    static final String STATUS = "status";
    static final String SEVERITY = "severity";
    static final String SOURCE_KIND = "sourceKind";
    static final String FROM = "from";
    static final String TO = "to";

    private static final String INSTANT_EXAMPLE = "2026-11-20T08:00:00Z";

    private ExposureFilterParameters() {
    }

    /**
     * @param severities each value as sent, repeated parameters and comma-separated lists alike
     * @throws InvalidExposureFilters when any parameter is wrong
     */
    static ExposureFilters parse(@Nullable String status, @Nullable List<String> severities,
            @Nullable String sourceKind, @Nullable String from, @Nullable String to) {
        List<FieldError> errors = new ArrayList<>();
        ExposureStatus parsedStatus = constant(ExposureStatus.class, STATUS, status, errors);
        Set<Severity> parsedSeverities = severities(severities, errors);
        SourceKind parsedSourceKind = constant(SourceKind.class, SOURCE_KIND, sourceKind, errors);
        Instant parsedFrom = instant(FROM, from, errors);
        Instant parsedTo = instant(TO, to, errors);
        if (parsedFrom != null && parsedTo != null && !parsedFrom.isBefore(parsedTo)) {
            errors.add(new FieldError(TO, "must be after from"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidExposureFilters(errors);
        }
        return new ExposureFilters(parsedStatus, parsedSeverities, parsedSourceKind, parsedFrom, parsedTo);
    }

    @Nullable
    private static <E extends Enum<E>> E constant(Class<E> type, String name, @Nullable String value,
            List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        E constant = constantOrNull(type, value);
        if (constant == null) {
            errors.add(new FieldError(name, "must be one of " + names(type)));
        }
        return constant;
    }

    private static Set<Severity> severities(@Nullable List<String> values, List<FieldError> errors) {
        if (values == null) {
            return Set.of();
        }
        Set<Severity> severities = EnumSet.noneOf(Severity.class);
        List<String> items = values.stream().flatMap(value -> Arrays.stream(value.split(",", -1))).toList();
        for (String item : items) {
            Severity severity = constantOrNull(Severity.class, item.strip());
            if (severity == null) {
                errors.add(new FieldError(SEVERITY, "must be one or more of " + names(Severity.class)
                        + ", repeated or comma-separated"));
                return Set.of();
            }
            severities.add(severity);
        }
        if (severities.isEmpty()) { // "severity=" arrives as an empty list
            errors.add(new FieldError(SEVERITY, "must be one or more of " + names(Severity.class)
                    + ", repeated or comma-separated"));
        }
        return severities;
    }

    @Nullable
    private static Instant instant(String name, @Nullable String value, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            Instant instant = Instant.parse(value);
            if (ExposureFilters.inRange(instant)) {
                return instant;
            }
            errors.add(new FieldError(name, "must be between " + ExposureFilters.EARLIEST + " and "
                    + ExposureFilters.LATEST));
        } catch (DateTimeParseException notAnInstant) {
            errors.add(new FieldError(name, "must be an ISO-8601 instant such as " + INSTANT_EXAMPLE));
        }
        return null;
    }

    @Nullable
    private static <E extends Enum<E>> E constantOrNull(Class<E> type, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        return null;
    }

    private static String names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
