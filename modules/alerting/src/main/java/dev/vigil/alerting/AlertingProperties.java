package dev.vigil.alerting;

import dev.vigil.monitoring.api.Severity;
import java.util.Arrays;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * alerting's settings ({@code vigil.alerting.*}).
 *
 * @param exposureSeverityThreshold the lowest severity of a newly detected exposure that raises an alert
 *                                  (reappearing exposures always do)
 */
@ConfigurationProperties("vigil.alerting")
public record AlertingProperties(@DefaultValue("MEDIUM") Severity exposureSeverityThreshold) {

    public AlertingProperties {
        if (exposureSeverityThreshold == null) {
            throw new IllegalArgumentException("vigil.alerting.exposure-severity-threshold must be one of "
                    + Arrays.toString(Severity.values()));
        }
    }
}
