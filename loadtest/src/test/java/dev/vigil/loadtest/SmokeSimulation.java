package dev.vigil.loadtest;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.UUID;

/**
 * A short smoke run against a running Vigil: health, then registrations. Fails on any error.
 * {@code ./mvnw -pl loadtest gatling:test -Dgatling.simulationClass=dev.vigil.loadtest.SmokeSimulation -DbaseUrl=http://localhost:8080}
 */
public class SmokeSimulation extends Simulation {

    private static final String BASE_URL = System.getProperty("baseUrl", "http://localhost:8080");
    private static final int USERS_PER_SECOND = Integer.getInteger("usersPerSecond", 5);
    private static final Duration DURATION = Duration.ofSeconds(Long.getLong("durationSeconds", 20));

    private final HttpProtocolBuilder protocol = http.baseUrl(BASE_URL)
            .acceptHeader("application/json")
            .contentTypeHeader("application/json");

    private final ScenarioBuilder visitor = scenario("smoke")
            .exec(http("health").get("/actuator/health").check(status().is(200), jsonPath("$.status").is("UP")))
            .exec(session -> session.set("email", "smoke-" + UUID.randomUUID() + "@example.org"))
            .exec(http("register").post("/internal/v1/users")
                    .header("Authorization", session -> "Bearer " + Tokens.service(300))
                    .body(StringBody("{\"email\":\"#{email}\",\"displayName\":\"Smoke\",\"timeZone\":\"UTC\"}"))
                    .check(status().is(201)));

    {
        setUp(visitor.injectOpen(constantUsersPerSec(USERS_PER_SECOND).during(DURATION)))
                .protocols(protocol)
                .assertions(global().failedRequests().count().is(0L));
    }
}
