package dev.vigil.platform.testing;

import dev.vigil.platform.security.JwtProperties;
import dev.vigil.platform.security.Scopes;
import dev.vigil.platform.security.TokenMinter;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code Authorization} header values for tests, signed with the development secret that test contexts use.
 */
public final class TestTokens {

    private static final JwtProperties SETTINGS =
            new JwtProperties(JwtProperties.DEVELOPMENT_SECRET, "vigil-web", "vigil-api", Duration.ofSeconds(30));
    private static final TokenMinter MINTER = new TokenMinter(SETTINGS);
    private static final Duration VALID_FOR = Duration.ofMinutes(15);

    private TestTokens() {
    }

    /** A signed-in user. */
    public static String user(UUID userId) {
        return bearer(MINTER.user(userId, VALID_FOR));
    }

    /** Another service calling /internal/**. */
    public static String service() {
        return bearer(MINTER.mint("vigil-web", Scopes.INTERNAL, Instant.now(), VALID_FOR));
    }

    /** An operator calling /admin/**. */
    public static String admin() {
        return bearer(MINTER.mint("operator@vigil.dev", Scopes.ADMIN, Instant.now(), VALID_FOR));
    }

    /** A correctly signed token with any subject and any {@code scope} claim: several scopes, none, unknown ones. */
    public static String withScope(String subject, String scope) {
        return bearer(MINTER.mint(subject, scope, Instant.now(), VALID_FOR));
    }

    /** A user token that expired an hour ago. */
    public static String expiredUser(UUID userId) {
        return bearer(MINTER.mint(userId.toString(), Scopes.USER, Instant.now().minus(Duration.ofHours(2)),
                Duration.ofHours(1)));
    }

    /** A well-formed user token signed with someone else's secret. */
    public static String forgedUser(UUID userId) {
        JwtProperties forger = new JwtProperties("not-the-secret-the-service-knows-0123456789", SETTINGS.issuer(),
                SETTINGS.audience(), SETTINGS.clockSkew());
        return bearer(new TokenMinter(forger).user(userId, VALID_FOR));
    }

    /** A correctly signed user token for another issuer or audience. */
    public static String userFrom(String issuer, String audience, UUID userId) {
        JwtProperties other = new JwtProperties(SETTINGS.secret(), issuer, audience, SETTINGS.clockSkew());
        return bearer(new TokenMinter(other).user(userId, VALID_FOR));
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }
}
