package dev.vigil.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * An instant in a request body is an ISO-8601 string ({@code "2026-12-27T10:00:00Z"}, or with an offset), nothing else.
 * Jackson's own {@code InstantDeserializer} also takes a JSON number, and a string of digits, as epoch seconds, and its
 * leniency setting ({@code JsonFormat.Feature}, {@code configOverride(Instant.class)}) does not change that
 * (jackson-datatype-jsr310 2.19), so a number a client sent by mistake would become a date in 1970 or in 2023.
 */
final class IsoInstantDeserializer extends StdScalarDeserializer<Instant> {

    IsoInstantDeserializer() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            return (Instant) context.handleUnexpectedToken(Instant.class, parser);
        }
        String text = parser.getText();
        try {
            return DateTimeFormatter.ISO_INSTANT.parse(text, Instant::from);
        } catch (DateTimeException e) {
            return (Instant) context.handleWeirdStringValue(Instant.class, text, "not an ISO-8601 instant");
        }
    }
}
