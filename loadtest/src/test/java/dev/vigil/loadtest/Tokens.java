package dev.vigil.loadtest;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mints bearer tokens as the web app does (docs/security.md): HS256 over {@code VIGIL_JWT_SECRET}, with the
 * development defaults when unset. Kept dependency-free so simulations need nothing but Gatling.
 */
final class Tokens {

    private static final String SECRET = env("VIGIL_JWT_SECRET", "vigil-development-secret-not-for-production-use!");
    private static final String ISSUER = env("VIGIL_JWT_ISSUER", "vigil-web");
    private static final String AUDIENCE = env("VIGIL_JWT_AUDIENCE", "vigil-api");
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private Tokens() {
    }

    static String user(UUID userId, long ttlSeconds) {
        return mint(userId.toString(), "vigil:user", ttlSeconds);
    }

    static String service(long ttlSeconds) {
        return mint("vigil-loadtest", "vigil:internal", ttlSeconds);
    }

    private static String mint(String subject, String scope, long ttlSeconds) {
        long now = System.currentTimeMillis() / 1000;
        String header = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        String payload = encode("{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\",\"sub\":\"" + subject
                + "\",\"scope\":\"" + scope + "\",\"iat\":" + now + ",\"exp\":" + (now + ttlSeconds) + ",\"jti\":\""
                + UUID.randomUUID() + "\"}");
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signature = mac.doFinal((header + "." + payload).getBytes(StandardCharsets.UTF_8));
            return header + "." + payload + "." + URL.encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String json) {
        return URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
