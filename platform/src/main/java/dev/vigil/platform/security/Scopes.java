package dev.vigil.platform.security;

/**
 * The scopes a token's {@code scope} claim may carry. One token carries exactly the one it needs.
 */
public final class Scopes {

    /** A signed-in user of the web app; the token's subject is their user id. */
    public static final String USER = "vigil:user";
    /** Another service (the web app's back end, scanners, the payment webhook relay): /internal/**. */
    public static final String INTERNAL = "vigil:internal";
    /** An operator: /admin/** (rebuilding read models). */
    public static final String ADMIN = "vigil:admin";

    private Scopes() {
    }
}
