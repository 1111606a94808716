package dev.vigil.monitoring.web;

import dev.vigil.monitoring.api.FindingReceipt;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Scan ingestion (service token): {@code POST /internal/v1/monitoring/users/{userId}/findings}. The answer
 * has one receipt per finding, in request order. Safe to retry as a whole: a finding already stored comes
 * back as a DUPLICATE of the same exposure.
 */
@RestController
class FindingIngestionController {

    private final FindingIngestion ingestion;

    FindingIngestionController(FindingIngestion ingestion) {
        this.ingestion = ingestion;
    }

    @PostMapping("/internal/v1/monitoring/users/{userId}/findings")
    FindingBatchResponse ingest(@PathVariable UUID userId, @Valid @RequestBody FindingBatchRequest batch) {
        return new FindingBatchResponse(ingestion.ingest(userId, batch.findings()));
    }

    /** {@code findings[i]} answers request {@code findings[i]}. */
    record FindingBatchResponse(List<FindingReceipt> findings) {
    }
}
