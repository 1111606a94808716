package dev.vigil.loadtest;

import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.headerRegex;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * The requests the web app sends for a signed-in user, each checked for the answer the app relies on. Names
 * are the rows of the Gatling report and of the per-request assertions, so they stay stable.
 */
final class VigilRequests {

    static final String DASHBOARD = "dashboard";
    static final String ALERTS_FIRST_PAGE = "alerts first page";
    static final String ALERTS_NEXT_PAGE = "alerts next page";
    static final String ALERT = "alert";
    static final String ALERT_READ = "alert read";
    static final String EXPOSURES_ACTIVE = "exposures active";
    static final String ME = "me";
    static final String SUBSCRIPTION = "subscription";

    /** Session attributes the checks fill and later requests follow. */
    static final String NEXT_PAGE = "nextPage";
    static final String FOLLOWED_PAGE = "followedPage";
    static final String ALERT_ID = "alertId";

    private static final String BEARER = "Bearer #{token}";

    private VigilRequests() {
    }

    /**
     * Gatling's own HTTP cache is off: it would send {@code If-None-Match} with each repeated read and get 304s, and
     * these simulations measure full reads, comparable run to run. Conditional reads are measured by
     * {@code bin/bench-http} (docs/performance.md).
     */
    static HttpProtocolBuilder protocol() {
        return http.baseUrl(LoadSettings.baseUrl())
                .disableCaching()
                .acceptHeader("application/json")
                .contentTypeHeader("application/json")
                .userAgentHeader("vigil-loadtest");
    }

    static HttpRequestActionBuilder dashboard() {
        return http(DASHBOARD).get("/api/v1/dashboard").header("Authorization", BEARER)
                .check(status().is(200), jsonPath("$.userId").isEL("#{userId}"));
    }

    /** Keeps the Link header's next page and a random alert of the page for the steps that follow. */
    static HttpRequestActionBuilder alertsFirstPage() {
        return http(ALERTS_FIRST_PAGE).get("/api/v1/alerts?limit=" + LoadSettings.pageSize())
                .header("Authorization", BEARER)
                .check(status().is(200), nextPageLink(),
                        jsonPath("$.items[*].alertId").findRandom().optional().saveAs(ALERT_ID));
    }

    /** Follows the previous page's {@code Link: <...>; rel="next"} exactly as a browser client would. */
    static HttpRequestActionBuilder alertsNextPage() {
        return http(ALERTS_NEXT_PAGE).get("#{" + FOLLOWED_PAGE + "}").header("Authorization", BEARER)
                .check(status().is(200), jsonPath("$.items").exists(), nextPageLink());
    }

    static HttpRequestActionBuilder alert() {
        return http(ALERT).get("/api/v1/alerts/#{" + ALERT_ID + "}").header("Authorization", BEARER)
                .check(status().is(200), jsonPath("$.alertId").isEL("#{" + ALERT_ID + "}"));
    }

    /** The session's one write: reading an already read alert is a no-op that still answers 200. */
    static HttpRequestActionBuilder alertRead() {
        return http(ALERT_READ).post("/api/v1/alerts/#{" + ALERT_ID + "}/read").header("Authorization", BEARER)
                .check(status().is(200));
    }

    static HttpRequestActionBuilder exposuresActive() {
        return http(EXPOSURES_ACTIVE).get("/api/v1/exposures?status=ACTIVE&limit=" + LoadSettings.pageSize())
                .header("Authorization", BEARER)
                .check(status().is(200), jsonPath("$.items").exists());
    }

    static HttpRequestActionBuilder me() {
        return http(ME).get("/api/v1/me").header("Authorization", BEARER)
                .check(status().is(200), jsonPath("$.userId").isEL("#{userId}"));
    }

    /** 404 is the documented answer for a user who never subscribed (seeded light users may not have). */
    static HttpRequestActionBuilder subscription() {
        return http(SUBSCRIPTION).get("/api/v1/me/subscription").header("Authorization", BEARER)
                .check(status().in(200, 404));
    }

    /**
     * The load-test profile's fixed answer ({@code GET /loadtest/ping}): the service's floor, with the same token
     * check as every API request.
     */
    static HttpRequestActionBuilder ping(String name) {
        return http(name).get("/loadtest/ping").header("Authorization", BEARER).check(status().is(200));
    }

    private static io.gatling.javaapi.core.CheckBuilder nextPageLink() {
        return headerRegex("Link", "<([^>]+)>;\\s*rel=\"next\"").optional().saveAs(NEXT_PAGE);
    }
}
