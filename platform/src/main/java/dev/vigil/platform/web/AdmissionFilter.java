package dev.vigil.platform.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets at most {@link AdmissionProperties#maxActive()} requests in at once; the others wait, first come first
 * served, up to {@link AdmissionProperties#maxWait()}, then get {@link ProblemDetailsAdvice#busy()}, the same 503
 * as a request that found no database connection. Before that, a request takes a turn of its {@link RouteGroup},
 * which holds only part of the instance's turns and waits only briefly while its requests fail slowly: a stall in one
 * group (a locked table) leaves the others their turns and connections. The actuator is never held back, so probes
 * and scrapes answer while the API queues.
 */
final class AdmissionFilter extends OncePerRequestFilter {

    private final Semaphore turns;
    private final long maxWaitNanos;
    private final ProblemWriter problems;
    private final Timer waits;
    private final Counter rejections;
    private final RouteGroups groups;

    AdmissionFilter(AdmissionProperties settings, ProblemWriter problems, MeterRegistry meters) {
        this.groups = new RouteGroups(settings, meters);
        this.turns = new Semaphore(settings.maxActive(), true);
        this.maxWaitNanos = settings.maxWait().toNanos();
        this.problems = problems;
        this.waits = Timer.builder("vigil.http.admission.wait")
                .description("Time requests that found every turn taken waited for one")
                .publishPercentileHistogram()
                .register(meters);
        this.rejections = Counter.builder("vigil.http.admission.rejected")
                .description("Requests answered 503 because no turn came free within max-wait")
                .register(meters);
        Gauge.builder("vigil.http.admission.waiting", turns, Semaphore::getQueueLength)
                .description("Requests waiting for a turn").register(meters);
        Gauge.builder("vigil.http.admission.active", turns, t -> settings.maxActive() - t.availablePermits())
                .description("Requests being served").register(meters);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/actuator/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RouteGroup group = groups.of(request.getRequestURI());
        if (!admit(group)) {
            turnAway(request, response);
            return;
        }
        if (!admit()) {
            group.release();
            rejections.increment();
            turnAway(request, response);
            return;
        }
        long started = System.nanoTime();
        boolean failed = true;
        try {
            chain.doFilter(request, response);
            failed = response.getStatus() >= 500;
        } finally {
            turns.release();
            group.release(System.nanoTime() - started, failed);
        }
    }

    private void turnAway(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(ProblemDetailsAdvice.BUSY_RETRY_AFTER_SECONDS));
        problems.write(request, response, ProblemDetailsAdvice.busy());
    }

    private static boolean admit(RouteGroup group) {
        try {
            return group.admit();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A free turn is taken without a clock read; only a request that has to wait is timed. */
    private boolean admit() {
        // a fair semaphore's tryAcquire() barges; asking with a zero timeout keeps arrival order
        try {
            if (turns.tryAcquire(0, TimeUnit.NANOSECONDS)) {
                return true;
            }
            long started = System.nanoTime();
            boolean admitted = turns.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS);
            waits.record(Duration.ofNanos(System.nanoTime() - started));
            return admitted;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
