package dev.vigil.platform.security;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A token carries exactly one scope (docs/security.md). Each area checks for its own scope, so a token naming
 * several would pass the check of every area it names: one with several, or none, is an invalid token.
 */
final class SingleScopeValidator implements OAuth2TokenValidator<Jwt> {

    private static final OAuth2Error NOT_ONE_SCOPE =
            new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "a token carries exactly one scope", null);

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        return ScopeClaim.of(token).size() == 1
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(NOT_ONE_SCOPE);
    }
}
