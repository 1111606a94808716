package dev.vigil.monitoring.web;

import dev.vigil.monitoring.api.ExposureStatus;
import dev.vigil.monitoring.api.Severity;
import dev.vigil.monitoring.api.SourceKind;
import dev.vigil.monitoring.query.ExposureFilters;
import dev.vigil.platform.web.FilterParameters;
import java.time.Instant;
import java.util.Set;
import org.springframework.lang.Nullable;
import org.springframework.web.ErrorResponseException;

/**
 * The exposure list's filter parameters, read by the platform's {@link FilterParameters} rules into
 * {@link ExposureFilters}: {@code status} (one), {@code severity} (one or more), {@code sourceKind} (one), and
 * {@code from} (inclusive) / {@code to} (exclusive) on the exposure's creation time.
 */
final class ExposureFilterParameters {

    static final String STATUS = "status";
    static final String SEVERITY = "severity";
    static final String SOURCE_KIND = "sourceKind";
    static final String FROM = "from";
    static final String TO = "to";

    private ExposureFilterParameters() {
    }

    /**
     * Each parameter as Spring binds it to a {@code String}: repeated {@code severity} parameters arrive
     * comma-joined.
     *
     * @throws ErrorResponseException 400 naming every parameter that is wrong
     */
    static ExposureFilters parse(@Nullable String status, @Nullable String severities, @Nullable String sourceKind,
            @Nullable String from, @Nullable String to) {
        FilterParameters parameters = new FilterParameters();
        ExposureStatus parsedStatus = parameters.oneOf(STATUS, ExposureStatus.class, status);
        Set<Severity> parsedSeverities = parameters.someOf(SEVERITY, Severity.class, severities);
        SourceKind parsedSourceKind = parameters.oneOf(SOURCE_KIND, SourceKind.class, sourceKind);
        Instant parsedFrom = parameters.instant(FROM, from, ExposureFilters.EARLIEST, ExposureFilters.LATEST);
        Instant parsedTo = parameters.instant(TO, to, ExposureFilters.EARLIEST, ExposureFilters.LATEST);
        parameters.requireAfter(TO, parsedTo, FROM, parsedFrom);
        parameters.validate();
        return new ExposureFilters(parsedStatus, parsedSeverities, parsedSourceKind, parsedFrom, parsedTo);
    }
}
