package dev.vigil.app;

import dev.vigil.platform.feed.FeedFilter;
import dev.vigil.platform.feed.FeedOf;
import dev.vigil.platform.feed.FeedSelection;
import dev.vigil.platform.feed.Feeds;
import dev.vigil.platform.feed.TimeWindow;
import dev.vigil.platform.input.InstantPolicy;
import dev.vigil.platform.input.SafeText;
import dev.vigil.platform.input.StorableInstant;
import dev.vigil.platform.paging.PageRequest;
import dev.vigil.platform.paging.PagingProperties;
import dev.vigil.platform.response.JsonResponse;
import dev.vigil.platform.web.CurrentUser;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.util.Arrays;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

/**
 * The OpenAPI description served at {@code /v3/api-docs} and checked into {@code docs/openapi.json}
 * (a test fails when the two differ).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class OpenApiConfiguration {

    static {
        // the caller comes from the token, the page and the feed's filters from the parameters documented below
        SpringDocUtils.getConfig().addAnnotationsToIgnore(CurrentUser.class).addRequestWrapperToIgnore(PageRequest.class)
                .addRequestWrapperToIgnore(FeedSelection.class)
                // a read's body, already JSON: described as what it is the JSON of
                .addResponseWrapperToIgnore(JsonResponse.class)
                // a rebuild's progress stream is lines of text, not the emitter's Java properties
                .replaceWithClass(ResponseBodyEmitter.class, String.class);
    }

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

    /**
     * Request fields under the platform's input policies document them: springdoc reads the standard constraints
     * ({@code @NotBlank}, {@code @Size}) by itself, not Vigil's own.
     */
    @Bean
    PropertyCustomizer inputPolicies() {
        return (schema, type) -> {
            Annotation[] annotations = type.getCtxAnnotations() == null ? new Annotation[0] : type.getCtxAnnotations();
            for (Annotation annotation : annotations) {
                if (annotation instanceof SafeText text) {
                    schema.maxLength(text.max()).description("Single-line text of at most " + text.max()
                            + " characters (Unicode code points): no control characters or line breaks, no unpaired "
                            + "surrogates; surrounding white space is removed. See docs/api-conventions.md.");
                } else if (annotation instanceof StorableInstant) {
                    schema.description("An instant between " + InstantPolicy.EARLIEST + " and " + InstantPolicy.LATEST
                            + ", kept to the microsecond. See docs/api-conventions.md.");
                }
            }
            return schema;
        };
    }

    /** Every list endpoint (a handler taking a {@link PageRequest}) documents the paging parameters. */
    @Bean
    OperationCustomizer pagingParameters(PagingProperties paging) {
        return (operation, handler) -> {
            if (Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.getParameterType() == PageRequest.class)) {
                operation.addParametersItem(new Parameter().in("query").name(PageRequest.LIMIT)
                        .description("Rows per page; the page may hold fewer, hasMore is the only end signal.")
                        .schema(new IntegerSchema().minimum(BigDecimal.ONE)
                                .maximum(BigDecimal.valueOf(PageRequest.MAX_LIMIT))
                                ._default(PageRequest.DEFAULT_LIMIT)));
                operation.addParametersItem(new Parameter().in("query").name(PageRequest.CURSOR)
                        .description("The previous page's nextCursor (opaque, signed, bound to the caller and the "
                                + "filters). Not with offset.")
                        .schema(new StringSchema()));
                operation.addParametersItem(new Parameter().in("query").name(PageRequest.OFFSET)
                        .description("Rows to skip, for jump-to-page; beyond the cap, follow nextCursor. Not with "
                                + "cursor.")
                        .schema(new IntegerSchema().minimum(BigDecimal.ZERO)
                                .maximum(BigDecimal.valueOf(paging.maxOffset()))));
            }
            return operation;
        };
    }

    /** Every feed endpoint (a handler taking a {@code @FeedOf} selection) documents the feed's filters. */
    @Bean
    OperationCustomizer feedFilterParameters(Feeds feeds) {
        return (operation, handler) -> {
            for (MethodParameter parameter : handler.getMethodParameters()) {
                FeedOf feedOf = parameter.getParameterAnnotation(FeedOf.class);
                if (feedOf != null) {
                    feeds.of(feedOf.value()).filters().forEach(filter -> operation.addParametersItem(describe(filter)));
                    operation.addParametersItem(new Parameter().in("query").name(TimeWindow.FROM)
                            .description("Created at or after this ISO-8601 instant with an offset, such as "
                                    + "2026-11-01T00:00:00Z (inclusive).")
                            .schema(new StringSchema().format("date-time")));
                    operation.addParametersItem(new Parameter().in("query").name(TimeWindow.TO)
                            .description("Created before this ISO-8601 instant with an offset (exclusive); must be "
                                    + "after from.")
                            .schema(new StringSchema().format("date-time")));
                }
            }
            return operation;
        };
    }

    private static Parameter describe(FeedFilter<?> filter) {
        Parameter parameter = new Parameter().in("query").name(filter.parameter());
        if (!filter.takesSeveral()) {
            StringSchema values = new StringSchema();
            filter.values().forEach(values::addEnumItem);
            return parameter.description("One of the values, in any case.").schema(values);
        }
        return parameter.description("One or more of the values, repeated or comma-separated, in any case: "
                        + String.join(", ", filter.values()))
                .example(String.join(",", filter.values().subList(filter.values().size() - 2, filter.values().size())))
                .schema(new StringSchema());
    }
}
