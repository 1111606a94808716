package dev.vigil.monitoring.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** Body of {@code POST /internal/v1/monitoring/users/{userId}/findings}. */
record FindingBatchRequest(@NotNull @WithinBatchLimit List<@Valid @NotNull FindingRequest> findings) {
}
