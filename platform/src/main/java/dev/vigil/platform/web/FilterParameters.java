package dev.vigil.platform.web;

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
 * Reads a list endpoint's filter parameters, collecting every mistake so that one 400 problem names each
 * parameter at fault. The same rules hold on every list:
 * <ul>
 * <li>enum values match in any case, ignoring surrounding spaces ({@code status=unread} is {@code UNREAD});</li>
 * <li>a multi-valued filter is repeated ({@code severity=HIGH&severity=LOW}) or comma-separated
 * ({@code severity=HIGH,LOW}); bound to a {@code String}, Spring joins repeated values with commas, so both
 * arrive alike;</li>
 * <li>an empty value is an error rather than "not filtered", so a client bug never silently widens a list;</li>
 * <li>instants are ISO-8601 with an offset ({@code 2026-11-01T00:00:00Z} or {@code ...+02:00}).</li>
 * </ul>
 * Parameters that are absent ({@code null}) filter nothing. Call {@link #validate()} after reading them all.
 */
public final class FilterParameters {

    /** OpenAPI descriptions of these rules, for the controllers' parameter annotations. */
    public static final String SEVERAL_OF = "One or more of the values, repeated or comma-separated, in any case: ";
    public static final String FROM_DESCRIPTION =
            "Created at or after this ISO-8601 instant with an offset, such as 2026-11-01T00:00:00Z (inclusive).";
    public static final String TO_DESCRIPTION =
            "Created before this ISO-8601 instant with an offset (exclusive); must be after from.";

    private final List<FieldError> errors = new ArrayList<>();

    /** One constant of {@code type}, or null when absent or wrong (then recorded as an error). */
    @Nullable
    public <E extends Enum<E>> E oneOf(String name, Class<E> type, @Nullable String text) {
        if (text == null) {
            return null;
        }
        E value = constant(type, text);
        if (value == null) {
            errors.add(new FieldError(name, "must be one of " + names(type)));
        }
        return value;
    }

    /** Constants of {@code type}, comma-separated; empty when absent or wrong (then recorded as an error). */
    public <E extends Enum<E>> Set<E> someOf(String name, Class<E> type, @Nullable String text) {
        Set<E> values = EnumSet.noneOf(type);
        if (text == null) {
            return values;
        }
        for (String item : text.split(",", -1)) {
            E value = constant(type, item);
            if (value == null) {
                errors.add(new FieldError(name, "must be one or more of " + names(type) + ", repeated or comma-separated"));
                return EnumSet.noneOf(type);
            }
            values.add(value);
        }
        return values;
    }

    /** An instant within {@code earliest..latest}, or null when absent or wrong (then recorded as an error). */
    @Nullable
    public Instant instant(String name, @Nullable String text, Instant earliest, Instant latest) {
        if (text == null) {
            return null;
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "must be an ISO-8601 instant with an offset, such as 2026-11-01T00:00:00Z"));
            return null;
        }
        if (instant.isBefore(earliest) || instant.isAfter(latest)) {
            errors.add(new FieldError(name, "must be between " + earliest + " and " + latest));
            return null;
        }
        return instant;
    }

    /** Records an error on {@code toName} unless {@code to} is after {@code from} (when both are given). */
    public void requireAfter(String toName, @Nullable Instant to, String fromName, @Nullable Instant from) {
        if (from != null && to != null && !to.isAfter(from)) {
            errors.add(new FieldError(toName, "must be after " + fromName));
        }
    }

    /**
     * @throws ErrorResponseException 400 problem+json naming every parameter at fault, if any was
     */
    public void validate() {
        if (!errors.isEmpty()) {
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, ProblemDetailsAdvice.invalidInput(errors), null);
        }
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
