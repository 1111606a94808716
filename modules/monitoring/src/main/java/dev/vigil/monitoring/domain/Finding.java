package dev.vigil.monitoring.domain;

import dev.vigil.monitoring.api.DataType;
import dev.vigil.monitoring.api.ExposureDetected;
import dev.vigil.monitoring.api.Fingerprint;
import dev.vigil.monitoring.api.ReportFinding;
import dev.vigil.monitoring.api.Severity;
import dev.vigil.monitoring.api.SourceKind;
import dev.vigil.platform.input.InstantPolicy;
import dev.vigil.platform.input.TextPolicy;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

/**
 * One reported finding, validated: the source name without surrounding space and within the platform's text
 * policy, {@code foundAt} within its instant policy (to the microsecond), at least one data type, data types sorted
 * (in {@link DataType} order) and free of duplicates.
 */
public record Finding(String sourceName, SourceKind sourceKind, List<DataType> dataTypes, Severity severity,
        Instant foundAt) {

    public static final int MAX_SOURCE_NAME_LENGTH = ExposureDetected.MAX_SOURCE_NAME_LENGTH;

    public Finding {
        sourceName = TextPolicy.require("sourceName", sourceName, MAX_SOURCE_NAME_LENGTH);
        foundAt = InstantPolicy.require("foundAt", foundAt);
        Objects.requireNonNull(sourceKind, "sourceKind");
        Objects.requireNonNull(severity, "severity");
        if (dataTypes == null || dataTypes.isEmpty() || dataTypes.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("dataTypes must name at least one data type, and no null");
        }
        dataTypes = List.copyOf(EnumSet.copyOf(dataTypes));
    }

    public static Finding of(ReportFinding command) {
        return new Finding(command.sourceName(), command.sourceKind(), command.dataTypes(), command.severity(),
                command.foundAt());
    }

    /** What makes two findings of one user the same exposure. */
    public Fingerprint fingerprint() {
        return Fingerprint.of(sourceName, sourceKind, dataTypes);
    }
}
