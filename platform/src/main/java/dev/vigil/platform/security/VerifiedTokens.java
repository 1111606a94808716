package dev.vigil.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers tokens that passed the full check (signature, issuer, audience, times, subject), by their exact
 * text, until they expire: a user sends the same token with every request for minutes, and parsing it and
 * checking its HMAC again was a tenth of the service's CPU under load (docs/performance.md). A token that fails
 * the check is never remembered, so a forged or altered one is checked every time it is sent.
 */
final class VerifiedTokens implements JwtDecoder {

    static final int CAPACITY = 50_000;

    private final JwtDecoder checked;
    private final Duration clockSkew;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    VerifiedTokens(JwtDecoder checked, Duration clockSkew, Clock clock) {
        this.checked = checked;
        this.clockSkew = clockSkew;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(CAPACITY)
                .expireAfter(Expiry.creating((String token, Jwt jwt) -> untilExpiry(jwt)))
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        if (known != null && !expired(known)) {
            return known;
        }
        Jwt jwt = checked.decode(token);
        verified.put(token, jwt);
        return jwt;
    }

    /** As the timestamp validator judges it: expired once now, less the allowed skew, is past {@code exp}. */
    private boolean expired(Jwt jwt) {
        return jwt.getExpiresAt() == null || clock.instant().minus(clockSkew).isAfter(jwt.getExpiresAt());
    }

    private Duration untilExpiry(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        Duration left = expiresAt == null ? Duration.ZERO : Duration.between(clock.instant(), expiresAt.plus(clockSkew));
        return left.isNegative() ? Duration.ZERO : left;
    }
}
