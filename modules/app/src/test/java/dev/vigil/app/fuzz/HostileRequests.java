package dev.vigil.app.fuzz;

import dev.vigil.app.fuzz.ApiSurface.Endpoint;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates whole requests over {@link ApiSurface}: a route (sometimes with a method it does not take), its
 * path with real or hostile ids, query parameters, headers, a token and a body.
 */
final class HostileRequests implements Gen<FuzzRequest> {

    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

    /** Path segments that are no id: encoded spaces and slashes, dot segments, matrix parameters, huge, unicode. */
    private static final List<String> HOSTILE_SEGMENTS = List.of("%20", "..", ".", "%2e%2e", "%2E", "%2F", "%2f..%2f",
            "%00", "%0a", "x;jsessionid=x", ";jsessionid=x", "null", "undefined", "-1", "0", "%25", "+", "*", "~", "%u0041",
            "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff", "%C3%BC", "%E2%80%AE",
            "%F0%9F%92%A5", "%ED%A0%80", "%C0%AE", "a".repeat(5_000), "%41".repeat(3_000), "' OR '1'='1", "%27%20OR%201=1",
            // not valid in a URI at all: sent as raw bytes
            "%zz", "%", "%2", "a b", "{x}", "|", "\\", "\"", "<x>", "\u00fc", "\u4e2d");

    private static final List<String> CONTENT_TYPES = List.of("application/json;charset=UTF-8",
            "application/json; charset=ISO-8859-1", "application/json;charset=bogus", "text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "multipart/form-data",
            "application/*", "*/*", "garbage", "application/merge-patch+json", "application/json, text/plain", "");

    private static final List<String> FORM_BODIES = List.of("a=%zz", "displayName=x&timeZone=UTC", "plan=PLUS&trial=true",
            "--x\r\n\r\n--x--", "--x\r\nContent-Disposition: form-data; name=\"plan\"\r\n\r\nPLUS\r\n--x--\r\n", "%", "=&=&");

    private static final List<String> ACCEPTS = List.of("*/*", "application/json", "application/problem+json", "text/html",
            "application/xml", "text/plain", "image/png", "garbage", "application/json;q=0",
            "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "");

    private static final List<String> IDEMPOTENCY_KEYS = List.of("fuzz-reused-key", "", " ", "a b",
            // UTF-8 bytes sent as they are: the client writes header values as ISO-8859-1
            latin1("schl\u00fcssel-\u00fc"), latin1("\u952e"), latin1("\ud83d\udca5"), "x".repeat(201), "k".repeat(9_000),
            "\u0001control", "tab\tkey");

    private final KnownIds ids;
    private final List<String> processors;

    HostileRequests(KnownIds ids, List<String> processors) {
        this.ids = ids;
        this.processors = processors;
    }

    @Override
    public FuzzRequest next(SplittableRandom random) {
        Endpoint endpoint = Gen.oneOf(ApiSurface.ENDPOINTS).next(random);
        String method = Gen.chance(random, 0.8) ? endpoint.method() : Gen.oneOf(ApiSurface.OTHER_METHODS).next(random);
        HostileTokens.Token token = HostileTokens.forArea(endpoint.area(), ids.users()).next(random);
        String target = mutatePath(path(endpoint, random), random) + query(endpoint, random);

        List<Map.Entry<String, String>> headers = new ArrayList<>();
        token.values().forEach(value -> headers.add(Map.entry("Authorization", value)));
        byte[] body = HostileBodies.forRoute(endpoint.body()).next(random);
        if (body.length > 0 || Gen.chance(random, 0.05)) {
            String contentType = Gen.chance(random, 0.75) ? "application/json" : Gen.oneOf(CONTENT_TYPES).next(random);
            if (!contentType.isEmpty()) {
                headers.add(Map.entry("Content-Type", contentType));
            }
            if ((contentType.startsWith("application/x-www-form") || contentType.startsWith("multipart/"))
                    && Gen.chance(random, 0.6)) {
                body = HostileBodies.utf8(Gen.oneOf(FORM_BODIES).next(random));
            }
        }
        if (Gen.chance(random, 0.3)) {
            headers.add(Map.entry("Accept", Gen.oneOf(ACCEPTS).next(random)));
        }
        if (Gen.chance(random, 0.15)) {
            headers.add(Map.entry("Idempotency-Key", Gen.chance(random, 0.5)
                    ? new UUID(random.nextLong(), random.nextLong()).toString()
                    : Gen.oneOf(IDEMPOTENCY_KEYS).next(random)));
        }
        if (Gen.chance(random, 0.05)) {
            headers.add(Gen.oneOf(Map.entry("X-Request-Id", "x".repeat(500)), Map.entry("X-Request-Id", "a\u00fcb"),
                    Map.entry("X-Request-Id", "../../x"), Map.entry("X-HTTP-Method-Override", "DELETE"),
                    Map.entry("Content-Encoding", "gzip"), Map.entry("Accept-Charset", "utf-7"),
                    Map.entry("Range", "bytes=0-1"), Map.entry("If-None-Match", "*"),
                    Map.entry("X-Forwarded-Prefix", "/evil"), Map.entry("Origin", "http://evil.example")).next(random));
        }
        return new FuzzRequest(method, target, endpoint.template(), token.kind(), List.copyOf(headers), body);
    }

    private String path(Endpoint endpoint, SplittableRandom random) {
        Matcher variables = VARIABLE.matcher(endpoint.template());
        StringBuilder path = new StringBuilder();
        while (variables.find()) {
            String variable = variables.group(1);
            String id = "processor".equals(variable) && !endpoint.template().endsWith("/rebuild")
                    ? Gen.<String>weighted(3, Gen.oneOf(processors)).or(1, unknownProcessor()).next(random)
                    : idFor(variable, random);
            variables.appendReplacement(path, Matcher.quoteReplacement(id));
        }
        variables.appendTail(path);
        return path.toString();
    }

    private String idFor(String variable, SplittableRandom random) {
        Gen<String> randomId = HostileValues.randomUuid();
        Gen<String> hostile = Gen.oneOf(HOSTILE_SEGMENTS);
        Gen<String> known = switch (variable) {
            case "alertId" -> Gen.<String>weighted(4, uuids(ids.allAlerts())).or(1, uuids(ids.canaryAlerts()));
            case "exposureId" -> Gen.<String>weighted(4, uuids(ids.allExposures())).or(1, uuids(ids.canaryExposures()));
            case "userId" -> uuids(ids.users());
            // never a real processor: a rebuild replays a whole read model
            case "processor" -> unknownProcessor();
            case "metric" -> Gen.oneOf("jvm.memory.used", "http.server.requests", "nope", "jvm.memory.used%00");
            default -> hostile;
        };
        return Gen.<String>weighted(6, known).or(2, randomId).or(3, hostile).next(random);
    }

    private Gen<String> unknownProcessor() {
        return r -> Gen.oneOf(processors).next(r) + Gen.oneOf("-x", "%00", "/..", "%20", "X").next(r);
    }

    private static Gen<String> uuids(List<UUID> ids) {
        return Gen.oneOf(ids).map(UUID::toString);
    }

    /** Now and then: a doubled slash, a trailing slash, a matrix parameter, another case, a dot segment. */
    private static String mutatePath(String path, SplittableRandom random) {
        if (!Gen.chance(random, 0.12)) {
            return path;
        }
        return switch (random.nextInt(8)) {
            case 0 -> path.replaceFirst("/v1/", "/v1//");
            case 1 -> path + "/";
            case 2 -> path + ";jsessionid=x";
            case 3 -> path.toUpperCase(Locale.ROOT);
            case 4 -> path.replaceFirst("/v1/", "/v1/../v1/");
            case 5 -> path.replaceFirst("/v1/", "/v1%2F");
            case 6 -> path + ".json";
            default -> "/" + path;
        };
    }

    private String query(Endpoint endpoint, SplittableRandom random) {
        List<String> pairs = new ArrayList<>();
        if (endpoint.isList() && Gen.chance(random, 0.75)) {
            int count = 1 + random.nextInt(4);
            for (int i = 0; i < count; i++) {
                pairs.addAll(parameter(endpoint.query(), random));
            }
        } else if (Gen.chance(random, 0.06)) {
            pairs.add(Gen.oneOf("foo=bar", "limit=1", "a=%zz", "x=" + "q".repeat(10_000), "=", "&&").next(random));
        }
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    private List<String> parameter(List<String> names, SplittableRandom random) {
        String name = Gen.oneOf(names).next(random);
        double roll = random.nextDouble();
        if (roll < 0.65) {
            return List.of(name + "=" + value(name, random));
        }
        if (roll < 0.75) { // mis-cased: Status=, LIMIT=, sourcekind=
            String misCased = Gen.chance(random, 0.5) ? name.toUpperCase(Locale.ROOT)
                    : Character.toUpperCase(name.charAt(0)) + name.substring(1).toLowerCase(Locale.ROOT);
            return List.of(misCased + "=" + value(name, random));
        }
        if (roll < 0.85) {
            return List.of(Gen.oneOf("page", "size", "sort", "q", "filter", "userId", "status[]", "limit[0]", "%00", "")
                    .next(random) + "=" + value(name, random));
        }
        return List.of(name + "=" + value(name, random), name + "=" + value(name, random)); // the same name twice
    }

    private String value(String name, SplittableRandom random) {
        Gen<String> valid = switch (name) {
            case "limit" -> r -> String.valueOf(1 + r.nextInt(100));
            case "offset" -> r -> String.valueOf(r.nextInt(50));
            case "cursor" -> Gen.oneOf(ids.cursors());
            case "status" -> Gen.oneOf(concat(HostileValues.ALERT_STATUSES, HostileValues.EXPOSURE_STATUSES));
            case "severity" -> Gen.oneOf(HostileValues.SEVERITIES);
            case "category" -> Gen.oneOf(HostileValues.CATEGORIES);
            case "sourceKind" -> Gen.oneOf(HostileValues.SOURCE_KINDS);
            default -> Gen.oneOf(HostileValues.IN_RANGE_INSTANTS);
        };
        Gen<String> hostile = switch (name) {
            case "limit", "offset" -> Gen.oneOf("0", "-1", "101", "1000000", "2147483647", "2147483648",
                    "-2147483649", "99999999999999999999", "1.5", "1e3", "abc", "", " 10", "0x10", "NaN", "%00");
            case "cursor" -> Gen.anyOf(Gen.oneOf("", "abc", "null", "%00", "x".repeat(10_000), "====", "..%2F"),
                    r -> tampered(Gen.oneOf(ids.cursors()).next(r), r), r -> {
                        byte[] bytes = new byte[20 + r.nextInt(200)];
                        r.nextBytes(bytes);
                        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                    });
            case "from", "to" -> Gen.oneOf(HostileValues.HOSTILE_INSTANTS).map(HostileRequests::encode);
            default -> Gen.anyOf(HostileValues.almost(valid).map(HostileRequests::encode),
                    Gen.oneOf("", "CRITICAL,LOW", "crıtıcal", "%00", "%C3%BC", "SEVERE", "z".repeat(300), "null")
                            .map(v -> v.equals("crıtıcal") ? encode(v) : v));
        };
        return Gen.<String>weighted(3, valid.map(HostileRequests::encode)).or(2, hostile).next(random);
    }

    private static String tampered(String cursor, SplittableRandom random) {
        char[] chars = cursor.toCharArray();
        int at = random.nextInt(chars.length);
        chars[at] = chars[at] == 'A' ? 'B' : 'A';
        return new String(chars);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String latin1(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }
}
