package dev.vigil.platform.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * Mints tokens exactly as the web app must (docs/security.md): HS256 over the shared secret, with
 * {@code iss}, {@code aud}, {@code sub}, {@code scope}, {@code iat}, {@code exp} and a {@code jti}.
 * Used by tests, the load test and {@code bin/mint-token}; the service itself never mints.
 */
public final class TokenMinter {

    private final JwtProperties settings;

    public TokenMinter(JwtProperties settings) {
        this.settings = settings;
    }

    /** A user's token: subject is the user id, scope {@value Scopes#USER}. */
    public String user(UUID userId, Duration validFor) {
        return mint(userId.toString(), Scopes.USER, Instant.now(), validFor);
    }

    public String mint(String subject, String scope, Instant issuedAt, Duration validFor) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(settings.issuer())
                .audience(settings.audience())
                .subject(subject)
                .claim("scope", scope)
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(validFor)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(settings.secret().getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token with the configured secret", e);
        }
        return jwt.serialize();
    }
}
