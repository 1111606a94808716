package dev.vigil.app;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description served at {@code /v3/api-docs} and checked into {@code docs/openapi.json}
 * (a test fails when the two differ).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI vigilOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Vigil API").version("v1")
                        .description("Exposure monitoring: profile, subscription, dashboard, alerts and exposures for "
                                + "the web app (scope vigil:user); registration, scan ingestion and billing webhooks "
                                + "for services (scope vigil:internal). Errors are application/problem+json. "
                                + "See docs/api-conventions.md and docs/security.md."))
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("HS256 JWT minted by the web app (docs/security.md)")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
