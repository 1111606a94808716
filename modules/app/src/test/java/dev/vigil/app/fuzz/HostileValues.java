package dev.vigil.app.fuzz;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Values a hostile or careless client sends in place of the ones a field expects, as JSON member values:
 * text with NUL, control characters or lone surrogates, huge text, other JSON types, enum spellings that are
 * almost right, instants outside what PostgreSQL stores. Most draws are still valid, so that requests get past
 * the first check and reach the code behind it.
 */
final class HostileValues {

    static final String HUGE = "x".repeat(70_000);
    static final String VERY_HUGE = "y".repeat(1_100_000);

    /** Text that is not what any field expects, for text fields and in the place of others. */
    static final Gen<String> HOSTILE_TEXT = Gen.oneOf(
            "", "   ", "nul\u0000name", "\u0000", "tab\tand\nnewline", "bell\u0007", "del\u007f", "c1\u0085\u009b",
            "lone\ud800high", "lone\udc00low", "\udc00\ud800", "\ud83d", "emoji \ud83d\udca5 ok", "rtl \u202e evil",
            "zero\u200bwidth", "combining e\u0301\u0301\u0301", "\ufeffbom", "\uffff\ufffe", "İstanbul ı",
            "ｆｕｌｌｗｉｄｔｈ", "' OR 1=1 --", "'); DROP TABLE identity.user_profile_view; --", "<script>alert(1)</script>",
            "${jndi:ldap://127.0.0.1/a}", "%s%n%x", "a".repeat(101), "b".repeat(201), "c".repeat(501), HUGE);

    /** Other JSON types where a value of some type is expected. */
    static final Gen<String> OTHER_TYPES = Gen.oneOf("123", "-1", "0", "1.5e308", "-0.0", "9999999999999999999999",
            "true", "false", "null", "[]", "[\"x\"]", "{}", "{\"a\":1}");

    /** A string member written raw, with a control character JSON forbids inside a string. */
    static final Gen<String> MALFORMED_STRING = Gen.oneOf("\"raw\u0001control\"", "\"raw\nnewline\"", "\"unterminated",
            "'single'", "\"bad \\x escape\"", "\"\\u12\"", "\"\\ud800\\u0041\"");

    static final List<String> IN_RANGE_INSTANTS = List.of("2026-11-01T10:00:00Z", "2025-01-31T23:59:59.999Z",
            "2030-06-15T00:00:00+02:00", "2026-12-01T00:00:00.123456789Z");

    static final List<String> HOSTILE_INSTANTS = List.of("+294277-01-01T00:00:00Z", "-5000-01-01T00:00:00Z",
            "+10000-01-01T00:00:00Z", "-4714-11-24T00:00:00Z", "-4713-11-24T00:00:00Z", "0000-01-01T00:00:00Z",
            "1970-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "+1000000000-12-31T23:59:59.999999999Z",
            "-1000000000-01-01T00:00:00Z", "2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "2026-11-01",
            "2026-11-01T10:00:00", "2026-11-01T10:00:00+25:00", "2026-11-01T25:00:00Z", "now", "", " 2026-11-01T10:00:00Z");

    static final List<String> ZONES = List.of("UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata");
    static final List<String> HOSTILE_ZONES = List.of("Mars/Olympus_Mons", "+25:00", "GMT+99", "utc", "Europe/berlin",
            "../../etc/passwd", "Europe/Berlin\u0000", "UTC ", "", "SystemV/EST5", "Z");

    static final List<String> PLANS = List.of("FREE", "PLUS", "FAMILY");
    static final List<String> SEVERITIES = List.of("LOW", "MEDIUM", "HIGH", "CRITICAL");
    static final List<String> SOURCE_KINDS = List.of("DATA_BROKER", "BREACH", "PASTE", "PEOPLE_SEARCH");
    static final List<String> DATA_TYPES =
            List.of("EMAIL", "PHONE", "ADDRESS", "NAME", "DATE_OF_BIRTH", "SSN", "PASSWORD", "FINANCIAL");
    static final List<String> ALERT_STATUSES = List.of("UNREAD", "READ", "DISMISSED");
    static final List<String> EXPOSURE_STATUSES = List.of("ACTIVE", "REMOVAL_REQUESTED", "REMOVED", "REMOVAL_FAILED");
    static final List<String> CATEGORIES =
            List.of("NEW_EXPOSURE", "EXPOSURE_REAPPEARED", "PAYMENT_FAILED", "SUBSCRIPTION_EXPIRING");

    private HostileValues() {
    }

    /** A text member: usually {@code valid}, otherwise hostile text, another type or malformed JSON. */
    static Gen<String> text(Gen<String> valid) {
        return Gen.<String>weighted(10, valid.map(JsonText::string))
                .or(6, HOSTILE_TEXT.map(JsonText::string))
                .or(2, OTHER_TYPES)
                .or(1, MALFORMED_STRING)
                .or(1, random -> Gen.chance(random, 0.05) ? JsonText.string(VERY_HUGE) : JsonText.string(HUGE));
    }

    /** An enum member: a valid name, or one almost right (case, dotless i, spaces), unknown, or another type. */
    static Gen<String> enumValue(List<String> valid) {
        Gen<String> names = Gen.oneOf(valid);
        return Gen.<String>weighted(12, names.map(JsonText::string))
                .or(6, almost(names).map(JsonText::string))
                .or(2, Gen.oneOf("SEVERE", "UNKNOWN", "", "null", "*", "0").map(JsonText::string))
                .or(3, Gen.oneOf("0", "1", "2", "-1", "true", "null", "[]", "{}", "1.0"))
                .or(1, HOSTILE_TEXT.map(JsonText::string));
    }

    static Gen<String> bool() {
        return Gen.<String>weighted(10, Gen.oneOf("true", "false"))
                .or(4, Gen.oneOf("\"true\"", "\"false\"", "1", "0", "2", "null", "\"yes\"", "[]", "{}", "\"\""));
    }

    static Gen<String> instant() {
        return Gen.<String>weighted(10, Gen.oneOf(IN_RANGE_INSTANTS).map(JsonText::string))
                .or(8, Gen.oneOf(HOSTILE_INSTANTS).map(JsonText::string))
                .or(3, Gen.oneOf("1700000000", "1700000000000", "1.7e9", "-1", "0", "1e308", "true", "null", "[]", "{}"));
    }

    static Gen<String> zone() {
        return Gen.<String>weighted(10, Gen.oneOf(ZONES).map(JsonText::string))
                .or(4, Gen.oneOf(HOSTILE_ZONES).map(JsonText::string))
                .or(3, text(Gen.constant("UTC")));
    }

    /** A name almost like a valid one: the mistakes a lenient parser forgives. */
    static Gen<String> almost(Gen<String> names) {
        return random -> almost(names.next(random), random.nextInt(6));
    }

    private static String almost(String name, int mistake) {
        return switch (mistake) {
            case 0 -> name.toLowerCase(Locale.ROOT);
            case 1 -> name.replace('I', 'ı').toLowerCase(Locale.ROOT).replace('i', 'ı');
            case 2 -> " " + name + " ";
            case 3 -> name + "\u0000";
            case 4 -> name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
            default -> name.replace('_', '-');
        };
    }

    static Gen<String> randomUuid() {
        return random -> new UUID(random.nextLong(), random.nextLong()).toString();
    }
}
