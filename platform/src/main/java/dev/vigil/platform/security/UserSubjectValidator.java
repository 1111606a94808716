package dev.vigil.platform.security;

import java.util.UUID;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A user token's subject must be a user id, so that {@code @CurrentUser} can never fail later.
 */
final class UserSubjectValidator implements OAuth2TokenValidator<Jwt> {

    private static final OAuth2Error NOT_A_USER_ID = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
            "a " + Scopes.USER + " token's subject must be a user id (UUID)", null);

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        if (!ScopeClaim.of(token).contains(Scopes.USER)) {
            return OAuth2TokenValidatorResult.success();
        }
        try {
            UUID.fromString(token.getSubject());
            return OAuth2TokenValidatorResult.success();
        } catch (IllegalArgumentException | NullPointerException e) {
            return OAuth2TokenValidatorResult.failure(NOT_A_USER_ID);
        }
    }
}
