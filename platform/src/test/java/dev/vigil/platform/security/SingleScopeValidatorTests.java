package dev.vigil.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class SingleScopeValidatorTests {

    private final SingleScopeValidator validator = new SingleScopeValidator();

    @Test
    void oneScopeAsAStringOrAnArrayIsValid() {
        assertThat(validator.validate(token(Scopes.USER)).hasErrors()).isFalse();
        assertThat(validator.validate(token(List.of(Scopes.ADMIN))).hasErrors()).isFalse();
    }

    @Test
    void severalScopesOrNoneAreInvalidInEitherForm() {
        for (Object scope : List.of(Scopes.USER + " " + Scopes.ADMIN, List.of(Scopes.USER, Scopes.INTERNAL),
                List.of(Scopes.USER, Scopes.USER), "", " ", List.of(), 42)) {
            assertThat(validator.validate(token(scope)).hasErrors()).as("scope %s", scope).isTrue();
        }
        Jwt withoutScope = Jwt.withTokenValue("t").header("alg", "HS256").subject("s").build();
        assertThat(validator.validate(withoutScope).hasErrors()).isTrue();
    }

    private static Jwt token(Object scope) {
        return Jwt.withTokenValue("t").header("alg", "HS256").claim("scope", scope).build();
    }
}
