package dev.vigil.monitoring.api;

import java.util.UUID;

/** The result of {@link ReportFinding}: the exposure the finding belongs to, and what the report did. */
public record FindingReceipt(UUID exposureId, FindingOutcome outcome) {
}
