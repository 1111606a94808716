package dev.vigil.monitoring;

import dev.vigil.monitoring.domain.Exposure;
import dev.vigil.monitoring.domain.ExposureIntake;
import dev.vigil.monitoring.domain.FingerprintClaims;
import dev.vigil.monitoring.domain.KnownUsers;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires monitoring's command side: the intake that creates and deduplicates exposures (a plain domain
 * class, so it is declared here rather than annotated).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MonitoringProperties.class)
class MonitoringConfiguration {

    /** Axon registers each aggregate's repository as the bean {@code <aggregate>Repository}. */
    @Bean
    ExposureIntake exposureIntake(@Qualifier("exposureRepository") Repository<Exposure> exposures,
            FingerprintClaims claims, KnownUsers users) {
        return new ExposureIntake(exposures, claims, users);
    }
}
