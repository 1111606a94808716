package dev.vigil.app.fuzz;

import java.util.List;

/**
 * Every route the service answers, as the controllers declare them (docs/openapi.json, checked by
 * {@code ApiSurfaceTests}), plus the framework's own: the actuator, the API description and the error path.
 * The fuzz suite sends each of them, and each with methods it does not accept.
 */
final class ApiSurface {

    /** Who may call a route: the scope its token needs, or nobody's token at all. */
    enum Area { USER, INTERNAL, ADMIN, PUBLIC }

    /** The JSON body a route reads, if any. */
    enum Body { NONE, PROFILE, START_SUBSCRIPTION, CHANGE_PLAN, PAYMENT_FAILURE, RENEWAL, REMOVAL_FAILURE, FINDINGS, REGISTRATION }

    record Endpoint(String method, String template, Area area, List<String> query, Body body) {

        boolean isList() {
            return !query.isEmpty();
        }
    }

    static final List<String> ALERT_FILTERS =
            List.of("limit", "cursor", "offset", "status", "severity", "category", "from", "to");
    static final List<String> EXPOSURE_FILTERS =
            List.of("limit", "cursor", "offset", "status", "severity", "sourceKind", "from", "to");

    static final List<Endpoint> ENDPOINTS = List.of(
            api("GET", "/api/v1/alerts", ALERT_FILTERS),
            user("POST", "/api/v1/alerts/read-all", Body.NONE),
            user("GET", "/api/v1/alerts/{alertId}", Body.NONE),
            user("POST", "/api/v1/alerts/{alertId}/dismissal", Body.NONE),
            user("POST", "/api/v1/alerts/{alertId}/read", Body.NONE),
            user("GET", "/api/v1/dashboard", Body.NONE),
            api("GET", "/api/v1/exposures", EXPOSURE_FILTERS),
            user("GET", "/api/v1/exposures/{exposureId}", Body.NONE),
            user("POST", "/api/v1/exposures/{exposureId}/removal-request", Body.NONE),
            user("GET", "/api/v1/me", Body.NONE),
            user("PUT", "/api/v1/me/profile", Body.PROFILE),
            user("GET", "/api/v1/me/subscription", Body.NONE),
            user("POST", "/api/v1/subscription", Body.START_SUBSCRIPTION),
            user("POST", "/api/v1/subscription/cancellation", Body.NONE),
            user("PUT", "/api/v1/subscription/plan", Body.CHANGE_PLAN),
            internal("POST", "/internal/v1/billing/users/{userId}/payment-failures", Body.PAYMENT_FAILURE),
            internal("POST", "/internal/v1/billing/users/{userId}/renewals", Body.RENEWAL),
            internal("POST", "/internal/v1/monitoring/exposures/{exposureId}/removal-confirmation", Body.NONE),
            internal("POST", "/internal/v1/monitoring/exposures/{exposureId}/removal-failure", Body.REMOVAL_FAILURE),
            internal("POST", "/internal/v1/monitoring/users/{userId}/findings", Body.FINDINGS),
            internal("POST", "/internal/v1/users", Body.REGISTRATION),
            admin("GET", "/admin/projections"),
            // only unknown processors: rebuilding a real one replays its read model, not a request's worth of work
            admin("POST", "/admin/projections/{processor}/rebuild"),
            new Endpoint("GET", "/admin/projections/{processor}/dead-letters", Area.ADMIN,
                    List.of("limit", "offset", "cursor"), Body.NONE),
            admin("POST", "/admin/projections/{processor}/dead-letters/{sequence}/retry"),
            admin("DELETE", "/admin/projections/{processor}/dead-letters/{sequence}"),
            admin("DELETE", "/admin/projections/{processor}/dead-letters/{sequence}/letters/{letterId}"),
            admin("GET", "/actuator/metrics"),
            admin("GET", "/actuator/metrics/{metric}"),
            open("GET", "/actuator/health"),
            open("GET", "/actuator/health/liveness"),
            open("GET", "/actuator/info"),
            open("GET", "/actuator/prometheus"),
            open("GET", "/v3/api-docs"),
            open("GET", "/swagger-ui.html"),
            open("GET", "/error"),
            // routes that do not exist, in each area and outside them
            user("GET", "/api/v1/nothing-here", Body.NONE),
            user("GET", "/api/v2/me", Body.NONE),
            internal("POST", "/internal/v1/nothing-here", Body.NONE),
            admin("GET", "/admin/nothing-here"),
            open("GET", "/"),
            open("GET", "/favicon.ico"),
            open("GET", "/{unknown}"));

    /** Methods a route may be sent with besides its own, including ones no route accepts. */
    static final List<String> OTHER_METHODS =
            List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "PROPFIND", "FOO");

    private ApiSurface() {
    }

    private static Endpoint api(String method, String template, List<String> query) {
        return new Endpoint(method, template, Area.USER, query, Body.NONE);
    }

    private static Endpoint user(String method, String template, Body body) {
        return new Endpoint(method, template, Area.USER, List.of(), body);
    }

    private static Endpoint internal(String method, String template, Body body) {
        return new Endpoint(method, template, Area.INTERNAL, List.of(), body);
    }

    private static Endpoint admin(String method, String template) {
        return new Endpoint(method, template, Area.ADMIN, List.of(), Body.NONE);
    }

    private static Endpoint open(String method, String template) {
        return new Endpoint(method, template, Area.PUBLIC, List.of(), Body.NONE);
    }
}
