/**
 * Bearer-token security: HS256 JWTs minted by the web app, checked for signature, issuer, audience and
 * expiry; scopes separate users, internal services and operators (docs/security.md).
 */
@NonNullApi
package dev.vigil.platform.security;

import org.springframework.lang.NonNullApi;
