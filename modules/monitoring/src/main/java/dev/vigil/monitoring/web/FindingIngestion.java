package dev.vigil.monitoring.web;

import dev.vigil.monitoring.api.FindingReceipt;
import dev.vigil.monitoring.domain.MonitoringRejection;
import dev.vigil.platform.axon.ConsistentCommandGateway;
import dev.vigil.platform.id.TimeOrderedIds;
import dev.vigil.platform.input.InvalidInput;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Stores a validated batch of findings, one command (one transaction) per finding, in order.
 * <p>
 * A finding's claim and its event commit together, so if finding {@code i} fails, findings before it are
 * stored completely and nothing of finding {@code i} is: sending the whole batch again stores the rest and
 * answers the already stored ones as duplicates with the same exposure ids. Domain rejections (an unknown
 * user) can only come from the first finding, before anything was stored, and pass through as they are. A value
 * the input policies refuse cannot reach here (the request's constraints are the same policies); should one, it is
 * named as the finding's field ({@code findings[3].sourceName}), still a client error, and the findings before it
 * stay stored (a corrected batch answers them as duplicates).
 */
@Component
class FindingIngestion {

    private final ConsistentCommandGateway commands;

    FindingIngestion(ConsistentCommandGateway commands) {
        this.commands = commands;
    }

    /** Read models are waited for once, after the whole batch, not after every finding. */
    List<FindingReceipt> ingest(UUID userId, List<FindingRequest> findings) {
        return commands.together(() -> store(userId, findings));
    }

    private List<FindingReceipt> store(UUID userId, List<FindingRequest> findings) {
        List<FindingReceipt> receipts = new ArrayList<>(findings.size());
        for (int i = 0; i < findings.size(); i++) {
            try {
                receipts.add(commands.send(findings.get(i).toCommand(userId, TimeOrderedIds.next())));
            } catch (MonitoringRejection rejection) {
                throw rejection;
            } catch (InvalidInput invalid) {
                throw invalid.within("findings[" + i + "]");
            } catch (RuntimeException failure) {
                throw new IngestionInterrupted(userId, i, findings.size(), failure);
            }
        }
        return receipts;
    }

    /** Finding {@code index} could not be stored; those before it were. */
    static final class IngestionInterrupted extends RuntimeException {

        private final int index;

        IngestionInterrupted(UUID userId, int index, int total, RuntimeException cause) {
            super("findings[" + index + "] of " + total + " for user " + userId + " could not be stored", cause);
            this.index = index;
        }

        int index() {
            return index;
        }
    }
}
