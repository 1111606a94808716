package dev.vigil.seeder;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.axonframework.common.DateTimeUtils;

/**
 * The event store's {@code time_stamp} text, as Axon's {@link DateTimeUtils#formatInstant} writes it
 * ({@code 2025-04-06T22:22:15.523Z}), written digit by digit: Axon's formatter was a tenth of the generators'
 * time (JFR). Seeded times are whole milliseconds in four-digit years; anything else goes to Axon's formatter.
 * {@code EventTimestampsTests} compares the two.
 */
final class EventTimestamps {

    private EventTimestamps() {
    }

    static byte[] of(Instant at) {
        LocalDateTime time = LocalDateTime.ofEpochSecond(at.getEpochSecond(), 0, ZoneOffset.UTC);
        if (at.getNano() % 1_000_000 != 0 || time.getYear() < 1000 || time.getYear() > 9999) {
            return DateTimeUtils.formatInstant(at).getBytes(StandardCharsets.US_ASCII);
        }
        byte[] text = new byte[24];
        digits(text, 0, time.getYear(), 4);
        text[4] = '-';
        digits(text, 5, time.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, time.getDayOfMonth(), 2);
        text[10] = 'T';
        digits(text, 11, time.getHour(), 2);
        text[13] = ':';
        digits(text, 14, time.getMinute(), 2);
        text[16] = ':';
        digits(text, 17, time.getSecond(), 2);
        text[19] = '.';
        digits(text, 20, at.getNano() / 1_000_000, 3);
        text[23] = 'Z';
        return text;
    }

    private static void digits(byte[] into, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            into[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }
}
