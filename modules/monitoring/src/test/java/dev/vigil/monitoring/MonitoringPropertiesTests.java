package dev.vigil.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MonitoringPropertiesTests {

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 5_001})
    void aBatchLimitOutsideItsRangeStopsStartUpNamingTheProperty(int limit) {
        assertThatThrownBy(() -> new MonitoringProperties(limit))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("vigil.monitoring.max-findings-per-batch")
                .hasMessageContaining(String.valueOf(limit));
    }

    @Test
    void limitsWithinTheRangeAreKept() {
        assertThat(new MonitoringProperties(1).maxFindingsPerBatch()).isEqualTo(1);
        assertThat(new MonitoringProperties(5_000).maxFindingsPerBatch()).isEqualTo(5_000);
    }
}
