package dev.vigil.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class AdmissionFilterTests {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<String> served = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        release.countDown();
        requests.shutdownNow();
    }

    @Test
    void requestsBeyondTheLimitWaitAndAreServedInArrivalOrder() throws Exception {
        AdmissionFilter filter = filter(1, Duration.ofSeconds(10));
        Future<MockHttpServletResponse> first = send(filter, "/api/v1/first", blocking());
        await().until(() -> gauge("vigil.http.admission.active") == 1);
        List<Future<MockHttpServletResponse>> queued = new ArrayList<>();
        for (String name : List.of("a", "b", "c", "d")) {
            queued.add(send(filter, "/api/v1/" + name, recording()));
            int waiting = queued.size();
            await().until(() -> gauge("vigil.http.admission.waiting") == waiting);
        }
        assertThat(served).isEmpty();

        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        for (Future<MockHttpServletResponse> response : queued) {
            assertThat(response.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        }
        assertThat(served).containsExactly("/api/v1/a", "/api/v1/b", "/api/v1/c", "/api/v1/d");
        assertThat(meters.get("vigil.http.admission.wait").timer().count()).isEqualTo(4);
        assertThat(gauge("vigil.http.admission.active")).isZero();
        assertThat(gauge("vigil.http.admission.waiting")).isZero();
    }

    @Test
    void aRequestThatWaitsLongerThanMaxWaitGetsA503ProblemAndNeverReachesTheHandler() throws Exception {
        AdmissionFilter filter = filter(1, Duration.ofMillis(200));
        send(filter, "/api/v1/slow", blocking());
        await().until(() -> gauge("vigil.http.admission.active") == 1);

        MockHttpServletResponse rejected = send(filter, "/api/v1/dashboard", recording()).get(5, TimeUnit.SECONDS);

        assertThat(rejected.getStatus()).isEqualTo(503);
        assertThat(rejected.getHeader("Retry-After")).isEqualTo("1");
        assertThat(rejected.getContentType()).isEqualTo("application/problem+json");
        assertThat(rejected.getContentAsString()).contains("\"type\":\"https://vigil.dev/problems/busy\"",
                "\"title\":\"Busy\"", "\"status\":503", "\"instance\":\"/api/v1/dashboard\"");
        assertThat(served).isEmpty();
        assertThat(meters.get("vigil.http.admission.rejected").counter().count()).isEqualTo(1);
    }

    @Test
    void theActuatorIsNeverHeldBack() throws Exception {
        AdmissionFilter filter = filter(1, Duration.ofMillis(100));
        send(filter, "/api/v1/slow", blocking());
        await().until(() -> gauge("vigil.http.admission.active") == 1);

        MockHttpServletResponse health = send(filter, "/actuator/health/liveness", recording()).get(5, TimeUnit.SECONDS);

        assertThat(health.getStatus()).isEqualTo(200);
        assertThat(served).containsExactly("/actuator/health/liveness");
        assertThat(meters.get("vigil.http.admission.rejected").counter().count()).isZero();
    }

    @Test
    void aHandlerThatFailsStillGivesItsTurnBack() {
        AdmissionFilter filter = filter(1, Duration.ofMillis(100));
        FilterChain failing = (request, response) -> {
            throw new IllegalStateException("handler failed");
        };

        for (int attempt = 0; attempt < 3; attempt++) {
            assertThatThrownBy(() -> filter.doFilter(
                            new MockHttpServletRequest("GET", "/api/v1/dashboard"), new MockHttpServletResponse(), failing))
                    .hasMessage("handler failed");
        }
        assertThat(gauge("vigil.http.admission.active")).isZero();
    }

    @Test
    void aGroupHoldsNoMoreThanItsShareOfTurnsAndTheOtherGroupsAreServedMeanwhile() throws Exception {
        AdmissionFilter filter = filter(4, Duration.ofSeconds(10), group(2, Duration.ofHours(1), Duration.ofSeconds(10)));
        send(filter, "/api/v1/alerts", blocking());
        send(filter, "/api/v1/alerts/7/read", blocking());
        await().until(() -> groupGauge("/api/v1/alerts") == 2);

        Future<MockHttpServletResponse> third = send(filter, "/api/v1/alerts", recording());
        MockHttpServletResponse dashboard = send(filter, "/api/v1/dashboard", recording()).get(5, TimeUnit.SECONDS);
        MockHttpServletResponse unknown = send(filter, "/api/v1/alertsx", recording()).get(5, TimeUnit.SECONDS);

        assertThat(dashboard.getStatus()).isEqualTo(200);
        assertThat(unknown.getStatus()).isEqualTo(200);
        assertThat(served).containsExactly("/api/v1/dashboard", "/api/v1/alertsx");
        assertThat(third).isNotDone();
        assertThat(gauge("vigil.http.admission.active")).isEqualTo(2);

        release.countDown();
        assertThat(third.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        // the two released requests give their turns back on their own threads, maybe after the third has finished
        await().until(() -> groupGauge("/api/v1/alerts") == 0);
    }

    @Test
    void aStalledGroupTurnsItsWaitersAwaySoonInsteadOfQueueingThemBehindTheStall() throws Exception {
        // every request counts as slow here: five that failed mark the group stalled
        AdmissionFilter filter = filter(4, Duration.ofHours(1), group(1, Duration.ofNanos(1), Duration.ofMillis(50)));
        for (int failed = 0; failed < 5; failed++) {
            assertThat(send(filter, "/api/v1/alerts", answering(503)).get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(503);
        }
        assertThat(stalled("/api/v1/alerts")).isEqualTo(1);
        send(filter, "/api/v1/alerts", blocking());
        await().until(() -> groupGauge("/api/v1/alerts") == 1);

        MockHttpServletResponse turnedAway = send(filter, "/api/v1/alerts", recording()).get(5, TimeUnit.SECONDS);

        assertThat(turnedAway.getStatus()).isEqualTo(503);
        assertThat(turnedAway.getHeader("Retry-After")).isEqualTo("1");
        assertThat(turnedAway.getContentAsString()).contains("\"type\":\"https://vigil.dev/problems/busy\"");
        assertThat(meters.get("vigil.http.admission.group.rejected").tag("group", "/api/v1/alerts").counter().count())
                .isEqualTo(1);
        assertThat(meters.get("vigil.http.admission.rejected").counter().count()).isZero();
    }

    @Test
    void slowRequestsThatSucceedAreLoadNotAStall() throws Exception {
        AdmissionFilter filter = filter(4, Duration.ofHours(1), group(1, Duration.ofNanos(1), Duration.ofMillis(50)));
        for (int served = 0; served < 10; served++) {
            assertThat(send(filter, "/api/v1/alerts", recording()).get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        }
        assertThat(stalled("/api/v1/alerts")).isZero();
    }

    private AdmissionFilter filter(int maxActive, Duration maxWait) {
        return filter(maxActive, maxWait, group(1_000, Duration.ofHours(1), maxWait));
    }

    private AdmissionFilter filter(int maxActive, Duration maxWait, AdmissionProperties.Group group) {
        return new AdmissionFilter(new AdmissionProperties(maxActive, maxWait, group),
                new ProblemWriter(new ObjectMapper()), meters);
    }

    private static AdmissionProperties.Group group(int maxActive, Duration slowAfter, Duration maxWaitWhenSlow) {
        return new AdmissionProperties.Group(maxActive, slowAfter, maxWaitWhenSlow,
                List.of("/api/v1/alerts", "/api/v1/dashboard"));
    }

    private double stalled(String group) {
        return meters.get("vigil.http.admission.group.stalled").tag("group", group).gauge().value();
    }

    private static FilterChain answering(int status) {
        return (request, response) -> ((HttpServletResponse) response).setStatus(status);
    }

    private double groupGauge(String group) {
        return meters.get("vigil.http.admission.group.active").tag("group", group).gauge().value();
    }

    private Future<MockHttpServletResponse> send(AdmissionFilter filter, String path, FilterChain chain) {
        return requests.submit(() -> {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
            MockHttpServletResponse response = new MockHttpServletResponse();
            filter.doFilter(request, response, chain);
            return response;
        });
    }

    private FilterChain blocking() {
        return (request, response) -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    private FilterChain recording() {
        return (request, response) -> served.add(((MockHttpServletRequest) request).getRequestURI());
    }

    private double gauge(String name) {
        return meters.get(name).gauge().value();
    }
}
