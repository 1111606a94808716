package dev.vigil.monitoring;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * monitoring's settings ({@code vigil.monitoring.*}).
 *
 * @param maxFindingsPerBatch most findings one scan-ingestion request may carry; each is one command and
 *                            one transaction, so this bounds how long a request runs (default 500)
 */
@ConfigurationProperties("vigil.monitoring")
public record MonitoringProperties(@DefaultValue("500") int maxFindingsPerBatch) {

    static final int MAX_FINDINGS_PER_BATCH_CEILING = 5_000;

    public MonitoringProperties {
        if (maxFindingsPerBatch < 1 || maxFindingsPerBatch > MAX_FINDINGS_PER_BATCH_CEILING) {
            throw new IllegalArgumentException("vigil.monitoring.max-findings-per-batch must be between 1 and "
                    + MAX_FINDINGS_PER_BATCH_CEILING + ", was " + maxFindingsPerBatch);
        }
    }
}
