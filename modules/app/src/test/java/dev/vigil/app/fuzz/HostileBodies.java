package dev.vigil.app.fuzz;

import static dev.vigil.app.fuzz.HostileValues.bool;
import static dev.vigil.app.fuzz.HostileValues.enumValue;
import static dev.vigil.app.fuzz.HostileValues.instant;
import static dev.vigil.app.fuzz.HostileValues.text;
import static dev.vigil.app.fuzz.HostileValues.zone;

import dev.vigil.app.fuzz.ApiSurface.Body;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Request bodies: mostly the shape a route expects with hostile member values (and now and then a member
 * missing, an unknown one or a key twice), otherwise bodies that are no such object at all: empty, malformed,
 * deeply nested, not UTF-8, another JSON type.
 */
final class HostileBodies {

    private static final Gen<String> NAMES = Gen.oneOf("Ada", "Grace Hopper", "Zoë", "李雷", "O'Brien");
    private static final Gen<String> REASONS = Gen.oneOf("card declined", "the site did not answer", "timeout");
    private static final Gen<String> SOURCES = Gen.oneOf("Acme People Data", "MegaCorp breach", "pastebin");

    private static final Gen<byte[]> NOT_AN_OBJECT = Gen.anyOf(
            Gen.oneOf("", " ", "{}", "[]", "null", "\"text\"", "123", "true", "{", "{\"a\":", "{} trailing", "{\"a\":1,}",
                    "{'plan':'PLUS'}", "{\"x\":NaN}", "/* comment */ {}", "\u0000", "{\"a\":\"\\u0000\"}")
                    .map(HostileBodies::utf8),
            random -> utf8("[".repeat(5_000) + "]".repeat(5_000)),
            random -> utf8("{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000)),
            random -> utf8(" ".repeat(200_000) + "{}"),
            random -> new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'},
            random -> new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'},
            random -> "{\"displayName\":\"Ada\",\"timeZone\":\"UTC\"}".getBytes(StandardCharsets.UTF_16));

    private HostileBodies() {
    }

    /** The body for a route: empty for routes that read none, usually its own shape otherwise. */
    static Gen<byte[]> forRoute(Body body) {
        if (body == Body.NONE) {
            return Gen.<byte[]>weighted(12, Gen.constant(new byte[0]))
                    .or(1, NOT_AN_OBJECT)
                    .or(1, members(Body.PROFILE));
        }
        return Gen.<byte[]>weighted(10, members(body))
                .or(2, NOT_AN_OBJECT)
                .or(1, random -> members(otherThan(body, random)).next(random));
    }

    private static Body otherThan(Body body, SplittableRandom random) {
        Body[] all = Body.values();
        Body other = all[1 + random.nextInt(all.length - 1)];
        return other == body ? Body.PROFILE : other;
    }

    private static Gen<byte[]> members(Body body) {
        Gen<List<Map.Entry<String, String>>> shape = switch (body) {
            case NONE -> random -> List.of();
            case PROFILE -> fields(member("displayName", text(NAMES)), member("timeZone", zone()));
            case START_SUBSCRIPTION -> fields(member("plan", enumValue(HostileValues.PLANS)), member("trial", bool()));
            case CHANGE_PLAN -> fields(member("plan", enumValue(HostileValues.PLANS)));
            case PAYMENT_FAILURE, REMOVAL_FAILURE -> fields(member("reason", text(REASONS)));
            case RENEWAL -> fields(member("periodEnd", instant()));
            case REGISTRATION -> fields(
                    member("email", text(random -> "fuzz-" + Long.toHexString(random.nextLong()) + "@example.org")),
                    member("displayName", text(NAMES)), member("timeZone", zone()));
            case FINDINGS -> random -> List.of(Map.entry("findings", findings().next(random)));
        };
        return random -> utf8(JsonText.object(mutate(shape.next(random), random)));
    }

    /** A batch of findings: often all valid but one, the case where an error must name its index. */
    private static Gen<String> findings() {
        Gen<String> valid = fields(member("sourceName", SOURCES.map(JsonText::string)),
                member("sourceKind", Gen.oneOf(HostileValues.SOURCE_KINDS).map(JsonText::string)),
                member("dataTypes", Gen.constant("[\"EMAIL\",\"PHONE\"]")),
                member("severity", Gen.oneOf(HostileValues.SEVERITIES).map(JsonText::string)),
                member("foundAt", Gen.oneOf(HostileValues.IN_RANGE_INSTANTS).map(JsonText::string))).map(JsonText::object);
        Gen<String> hostile = fields(member("sourceName", text(SOURCES)),
                member("sourceKind", enumValue(HostileValues.SOURCE_KINDS)), member("dataTypes", dataTypes()),
                member("severity", enumValue(HostileValues.SEVERITIES)), member("foundAt", instant()))
                .map(JsonText::object);
        return Gen.<String>weighted(10, random -> {
                    int size = Gen.chance(random, 0.03) ? 150 + random.nextInt(1_000) : random.nextInt(6);
                    int bad = random.nextInt(Math.max(size, 1));
                    List<String> batch = new ArrayList<>();
                    for (int i = 0; i < size; i++) {
                        batch.add(i == bad ? hostile.next(random) : valid.next(random));
                    }
                    return JsonText.array(batch);
                })
                .or(1, HostileValues.OTHER_TYPES)
                .or(1, random -> "[null, " + valid.next(random) + "]")
                .or(1, random -> "[[" + valid.next(random) + "]]");
    }

    private static Gen<String> dataTypes() {
        Gen<String> type = Gen.oneOf(HostileValues.DATA_TYPES).map(JsonText::string);
        return Gen.<String>weighted(6, random -> JsonText.array(List.of(type.next(random), type.next(random))))
                .or(2, random -> JsonText.array(List.of(type.next(random), enumValue(HostileValues.DATA_TYPES).next(random))))
                .or(1, Gen.oneOf("[]", "\"EMAIL\"", "[[\"EMAIL\"]]", "[null]", "null", "[\"EMAIL\",\"EMAIL\"]"));
    }

    /** Now and then: a required member missing, an unknown member, a member twice. */
    private static List<Map.Entry<String, String>> mutate(List<Map.Entry<String, String>> members, SplittableRandom random) {
        List<Map.Entry<String, String>> mutated = new ArrayList<>(members);
        double roll = random.nextDouble();
        if (roll < 0.06 && !mutated.isEmpty()) {
            mutated.remove(random.nextInt(mutated.size()));
        } else if (roll < 0.14) {
            mutated.add(random.nextInt(mutated.size() + 1), Map.entry(
                    Gen.oneOf("userId", "id", "admin", "scope", "__proto__", "displayname", "plan ", "ü").next(random),
                    HostileValues.OTHER_TYPES.next(random)));
        } else if (roll < 0.17 && !mutated.isEmpty()) {
            Map.Entry<String, String> twice = mutated.get(random.nextInt(mutated.size()));
            mutated.add(Map.entry(twice.getKey(), HostileValues.OTHER_TYPES.next(random)));
        }
        return mutated;
    }

    @SafeVarargs
    private static Gen<List<Map.Entry<String, String>>> fields(Map.Entry<String, Gen<String>>... members) {
        return random -> Stream.of(members).map(member -> Map.entry(member.getKey(), member.getValue().next(random))).toList();
    }

    private static Map.Entry<String, Gen<String>> member(String name, Gen<String> value) {
        return Map.entry(name, value);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
