package dev.vigil.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.monitoring.api.Severity;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class AlertingPropertiesTests {

    @Test
    void theExposureThresholdDefaultsToMedium() {
        assertThat(bind(Map.of()).exposureSeverityThreshold()).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void theExposureThresholdIsConfigurable() {
        assertThat(bind(Map.of("vigil.alerting.exposure-severity-threshold", "critical")).exposureSeverityThreshold())
                .isEqualTo(Severity.CRITICAL);
    }

    @Test
    void anUnknownThresholdStopsStartUpNamingTheProperty() {
        assertThatThrownBy(() -> bind(Map.of("vigil.alerting.exposure-severity-threshold", "SEVERE")))
                .isInstanceOf(BindException.class)
                .hasMessageContaining("vigil.alerting.exposure-severity-threshold");
    }

    private static AlertingProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("vigil.alerting", Bindable.of(AlertingProperties.class));
    }
}
