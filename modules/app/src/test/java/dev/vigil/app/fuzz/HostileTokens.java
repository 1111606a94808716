package dev.vigil.app.fuzz;

import dev.vigil.app.fuzz.ApiSurface.Area;
import dev.vigil.platform.testing.TestTokens;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code Authorization} headers: mostly the right token for the route's area (so requests reach the
 * handlers), otherwise none, another area's, expired, forged, for another issuer or audience, with several
 * scopes, a subject that is no user, or no bearer token at all.
 */
final class HostileTokens {

    /** A token kind (for the report) and the header values it sends (none, one or two). */
    record Token(String kind, List<String> values) {
    }

    private HostileTokens() {
    }

    static Gen<Token> forArea(Area area, List<UUID> users) {
        Gen<UUID> user = Gen.oneOf(users);
        Gen<Token> right = switch (area) {
            case USER -> random -> token("user", TestTokens.user(user.next(random)));
            case INTERNAL -> random -> token("service", TestTokens.service());
            case ADMIN -> random -> token("admin", TestTokens.admin());
            case PUBLIC -> random -> new Token("none", List.of());
        };
        return Gen.<Token>weighted(60, right)
                .or(8, random -> new Token("none", List.of()))
                .or(5, random -> token("user-not-registered",
                        TestTokens.user(new UUID(random.nextLong(), random.nextLong()))))
                .or(8, Gen.anyOf(random -> token("user", TestTokens.user(user.next(random))),
                        random -> token("service", TestTokens.service()), random -> token("admin", TestTokens.admin())))
                .or(3, random -> token("expired", TestTokens.expiredUser(user.next(random))))
                .or(3, random -> token("forged", TestTokens.forgedUser(user.next(random))))
                .or(2, random -> token("other-issuer", TestTokens.userFrom("someone-else", "vigil-api", user.next(random))))
                .or(2, random -> token("other-audience", TestTokens.userFrom("vigil-web", "another-api", user.next(random))))
                .or(4, random -> {
                    String scopes = Gen.oneOf("vigil:user vigil:admin", "vigil:user vigil:internal",
                            "vigil:internal vigil:admin", "", "vigil:superuser", "VIGIL:USER").next(random);
                    return token("scope '" + scopes + "'", TestTokens.withScope(user.next(random).toString(), scopes));
                })
                .or(2, random -> token("user-scope-for-non-uuid-subject",
                        TestTokens.withScope(Gen.oneOf("admin", "", "../x", "null").next(random), "vigil:user")))
                .or(5, random -> {
                    String valid = TestTokens.user(user.next(random));
                    Map.Entry<String, String> malformed = Gen.oneOf(
                            Map.entry("empty-bearer", "Bearer "), Map.entry("bare-scheme", "Bearer"),
                            Map.entry("garbage-jwt", "Bearer a!.b!.c!"), Map.entry("basic", "Basic dXNlcjpwYXNz"),
                            Map.entry("lower-case-scheme", valid.replace("Bearer", "bearer")),
                            Map.entry("huge-bearer", "Bearer " + "x".repeat(9_000)),
                            Map.entry("truncated", valid.substring(0, valid.length() - 5)),
                            Map.entry("non-ascii", "Bearer \u00fc\u00e9"), Map.entry("alg-none",
                                    "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4Iiwic2NvcGUiOiJ2aWdpbDphZG1pbiJ9.")).next(random);
                    return token(malformed.getKey(), malformed.getValue());
                })
                .or(2, random -> new Token("two-headers", List.of(TestTokens.user(user.next(random)), TestTokens.admin())));
    }

    private static Token token(String kind, String header) {
        return new Token(kind, List.of(header));
    }
}
