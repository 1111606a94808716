package dev.vigil.platform.idempotency;

import dev.vigil.platform.web.FieldError;
import dev.vigil.platform.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Makes any command endpoint safe to retry when the client sends an {@code Idempotency-Key} header: the
 * first request with a key runs and its successful response is stored; a retry with the same key and the
 * same request gets that response back ({@code Idempotency-Replayed: true}) without running again.
 * The same key with a different request is a 422; while the first is still running, a 409. A failed first
 * request (non-2xx) releases the key so the client can fix and retry. Keys are private to the token's subject.
 */
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotency-Replayed";

    private static final Set<String> COMMAND_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");
    private static final URI INVALID_KEY = URI.create("https://vigil.dev/problems/invalid-input");
    private static final URI KEY_REUSED = URI.create("https://vigil.dev/problems/idempotency-key-reused");
    private static final URI IN_PROGRESS = URI.create("https://vigil.dev/problems/idempotency-key-in-progress");
    private static final URI TOO_LARGE = URI.create("https://vigil.dev/problems/request-too-large");

    private final IdempotencyStore store;
    private final IdempotencyProperties properties;
    private final ProblemWriter problems;
    private final Clock clock;

    IdempotencyFilter(IdempotencyStore store, IdempotencyProperties properties, ProblemWriter problems, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.problems = problems;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !COMMAND_METHODS.contains(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller == null || !caller.isAuthenticated()) {
            chain.doFilter(request, response); // security has already answered 401/403
            return;
        }
        if (!VALID_KEY.matcher(key).matches()) {
            problems.write(request, response, HttpStatus.BAD_REQUEST, INVALID_KEY, HEADER + ": must be 1 to 200 visible ASCII characters",
                    List.of(new FieldError(HEADER, "must be 1 to 200 visible ASCII characters")));
            return;
        }
        byte[] body = request.getInputStream().readNBytes(properties.maxBodyBytes() + 1);
        if (body.length > properties.maxBodyBytes()) {
            problems.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, TOO_LARGE,
                    "body: at most " + properties.maxBodyBytes() + " bytes with an " + HEADER, List.of());
            return;
        }
        String principal = caller.getName();
        byte[] hash = hash(request, body);
        Instant now = clock.instant();
        if (store.claim(principal, key, hash, now, now.minus(properties.abandonedAfter()), now.minus(properties.retention()))) {
            runFirst(new CachedBodyRequest(request, body), response, chain, principal, key);
        } else {
            answerRetry(request, response, store.find(principal, key), hash);
        }
    }

    private void runFirst(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String principal,
            String key) throws ServletException, IOException {
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        boolean stored = false;
        try {
            chain.doFilter(request, captured);
            if (HttpStatus.valueOf(captured.getStatus()).is2xxSuccessful()) {
                store.complete(principal, key, new StoredResponse(captured.getStatus(), captured.getContentType(),
                        captured.getHeader(HttpHeaders.LOCATION), captured.getContentAsByteArray()));
                stored = true;
            }
        } finally {
            if (!stored) {
                store.release(principal, key);
            }
            captured.copyBodyToResponse();
        }
    }

    private void answerRetry(HttpServletRequest request, HttpServletResponse response, Optional<IdempotencyRecord> found,
            byte[] hash) throws IOException {
        if (found.isEmpty() || found.get().response() == null) {
            // still running (or released a moment ago): the client should retry shortly
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            problems.write(request, response, HttpStatus.CONFLICT, IN_PROGRESS,
                    "A request with this " + HEADER + " is still being processed; retry shortly", List.of());
            return;
        }
        if (!MessageDigest.isEqual(found.get().requestHash(), hash)) {
            problems.write(request, response, HttpStatus.UNPROCESSABLE_ENTITY, KEY_REUSED,
                    HEADER + ": was already used for a different request", List.of(new FieldError(HEADER,
                            "was already used for a different request")));
            return;
        }
        StoredResponse stored = found.get().response();
        response.setStatus(stored.status());
        response.setHeader(REPLAYED, "true");
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        if (stored.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, stored.location());
        }
        response.getOutputStream().write(stored.body());
    }

    private static byte[] hash(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            String target = request.getMethod() + " " + request.getRequestURI()
                    + (request.getQueryString() == null ? "" : "?" + request.getQueryString()) + "\n";
            sha256.update(target.getBytes(StandardCharsets.UTF_8));
            sha256.update(body);
            return sha256.digest();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
