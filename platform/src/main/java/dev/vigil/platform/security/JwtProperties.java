package dev.vigil.platform.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How bearer tokens are checked ({@code VIGIL_JWT_SECRET}, {@code VIGIL_JWT_ISSUER}, ...).
 *
 * @param secret the HMAC-SHA256 key shared with the web app; at least 32 bytes. The default is for
 *        development only, and the production profile refuses to start with it
 * @param issuer the {@code iss} every token must carry
 * @param audience a value the token's {@code aud} must contain
 * @param clockSkew tolerance for {@code exp}/{@code nbf} between the web app's clock and ours
 */
@Validated
@ConfigurationProperties("vigil.jwt")
public record JwtProperties(
        @DefaultValue(DEVELOPMENT_SECRET) @NotBlank String secret,
        @DefaultValue("vigil-web") @NotBlank String issuer,
        @DefaultValue("vigil-api") @NotBlank String audience,
        @DefaultValue("30s") @NotNull Duration clockSkew) {

    /** Public, so it protects nothing: only for local development and tests. */
    public static final String DEVELOPMENT_SECRET = "vigil-development-secret-not-for-production-use!";

    public JwtProperties {
        if (secret.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalArgumentException("vigil.jwt.secret (VIGIL_JWT_SECRET) must be at least 32 bytes for HS256");
        }
    }

    public boolean usesDevelopmentSecret() {
        return DEVELOPMENT_SECRET.equals(secret);
    }
}
