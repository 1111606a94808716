package dev.vigil.platform.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.springframework.security.oauth2.jwt.Jwt;

/** The token's {@code scope} claim as a list, whether sent as a space-separated string or an array. */
final class ScopeClaim {

    private ScopeClaim() {
    }

    static List<String> of(Jwt token) {
        Object scope = token.getClaims().get("scope");
        if (scope instanceof String text) {
            return Arrays.stream(text.split(" ")).filter(s -> !s.isBlank()).toList();
        }
        if (scope instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
