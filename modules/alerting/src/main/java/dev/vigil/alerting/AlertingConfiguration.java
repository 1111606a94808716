package dev.vigil.alerting;

import dev.vigil.alerting.domain.AlertPolicy;
import dev.vigil.alerting.domain.SourceEventClaims;
import dev.vigil.platform.id.TimeOrderedIds;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires alerting's domain objects that are not aggregates (those Axon finds by their annotation).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AlertingProperties.class)
class AlertingConfiguration {

    /** Axon registers it as an event handler of its {@code alerting-policy} processing group. */
    @Bean
    AlertPolicy alertPolicy(CommandGateway commands, SourceEventClaims claims, AlertingProperties properties) {
        return new AlertPolicy(commands, claims, TimeOrderedIds::next, properties.exposureSeverityThreshold());
    }
}
