package dev.vigil.alerting.api;

import dev.vigil.billing.api.Plan;
import dev.vigil.monitoring.api.DataType;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The title a list row shows for each kind of alert. Always fits {@link #MAX_LENGTH}: a long source name is
 * shortened rather than letting the policy send a command the alert would reject. Published for the volume
 * seeder (modules/seeder), which writes alerts directly and must title them exactly as the policy does.
 */
public final class AlertTitles {

    /** The longest title an alert may carry (the width of {@code alert_feed.title}). */
    public static final int MAX_LENGTH = 200;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private static final String ELLIPSIS = "…";

    private AlertTitles() {
    }

    public static String newExposure(List<DataType> dataTypes, String sourceName) {
        String found = dataTypes == null || dataTypes.isEmpty() ? "data" : words(dataTypes);
        return fit("Your " + found + " found on ", sourceName);
    }

    public static String exposureReappeared(String sourceName) {
        return fit("Your data reappeared on ", sourceName);
    }

    public static String paymentFailed(Plan plan) {
        return "Payment for your " + name(plan) + " plan failed";
    }

    /** The date is a UTC calendar day: alerting does not know the user's time zone. */
    public static String subscriptionExpiring(Plan plan, Instant expiresAt) {
        return "Your " + name(plan) + " plan expires on " + DAY.format(expiresAt);
    }

    /**
     * Lengths are Unicode code points, as the platform's text policy and PostgreSQL count them, so a shortened name
     * never ends in half of a surrogate pair (an emoji cut in two is text no alert may hold).
     */
    private static String fit(String prefix, String sourceName) {
        String source = sourceName == null ? "" : sourceName.strip();
        int room = MAX_LENGTH - codePoints(prefix);
        if (codePoints(source) > room) {
            int kept = source.offsetByCodePoints(0, room - codePoints(ELLIPSIS));
            source = source.substring(0, kept).stripTrailing() + ELLIPSIS;
        }
        return prefix + source;
    }

    private static int codePoints(String text) {
        return text.codePointCount(0, text.length());
    }

    private static String words(List<DataType> dataTypes) {
        List<String> words = dataTypes.stream().map(AlertTitles::word).distinct().toList();
        if (words.size() == 1) {
            return words.getFirst();
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.getLast();
    }

    private static String word(DataType type) {
        return switch (type) {
            case EMAIL -> "email";
            case PHONE -> "phone number";
            case ADDRESS -> "address";
            case NAME -> "name";
            case DATE_OF_BIRTH -> "date of birth";
            case SSN -> "SSN";
            case PASSWORD -> "password";
            case FINANCIAL -> "financial data";
        };
    }

    private static String name(Plan plan) {
        String lower = plan.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
