package dev.vigil.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class VerifiedTokensTests {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final Duration SKEW = Duration.ofSeconds(30);

    private final AtomicInteger checks = new AtomicInteger();
    private Instant now = NOW;
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    /** Accepts "good-<seconds to expiry>" tokens, rejects anything else, and counts every check. */
    private final JwtDecoder checked = token -> {
        checks.incrementAndGet();
        if (!token.startsWith("good-")) {
            throw new BadJwtException("bad signature");
        }
        return Jwt.withTokenValue(token).header("alg", "HS256").subject("user")
                .issuedAt(NOW).expiresAt(NOW.plusSeconds(Long.parseLong(token.substring(5)))).build();
    };

    private final VerifiedTokens tokens = new VerifiedTokens(checked, SKEW, clock);

    @Test
    void aVerifiedTokenIsCheckedOnceWhileItLasts() {
        Jwt first = tokens.decode("good-600");
        assertThat(tokens.decode("good-600")).isSameAs(first);
        now = NOW.plusSeconds(600).plus(SKEW); // the last instant the validator still accepts
        assertThat(tokens.decode("good-600")).isSameAs(first);
        assertThat(checks).hasValue(1);
    }

    @Test
    void aTokenPastItsExpiryIsCheckedAgain() {
        tokens.decode("good-60");
        now = NOW.plusSeconds(60).plus(SKEW).plusMillis(1);
        tokens.decode("good-60");
        assertThat(checks).hasValue(2);
    }

    @Test
    void aRejectedTokenIsNeverRemembered() {
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThat(checks).hasValue(2);
    }

    @Test
    void tokensDifferingInOneCharacterAreDifferentTokens() {
        tokens.decode("good-600");
        tokens.decode("good-601");
        assertThat(checks).hasValue(2);
    }
}
