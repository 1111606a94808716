package dev.vigil.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.time.Instant;

/**
 * How request bodies are read (docs/api-conventions.md, "Request bodies"): every value in the JSON type its field
 * documents, every property known. Jackson's defaults guess instead: {@code 1} is the second constant of an enum,
 * {@code 123} and {@code true} are strings, {@code 2} is {@code true}, {@code "5"} is 5, a number is an instant, an
 * unknown property is dropped. Applied to a copy of the application's ObjectMapper used only to read HTTP bodies: the
 * JSON Vigil stores itself (cache entries, idempotency records; events have a mapper of their own) reads as before.
 */
final class StrictJson {

    private StrictJson() {
    }

    /** {@code mapper}, changed to read strictly; pass a copy. */
    @SuppressWarnings("deprecation") // ObjectMapper.configure(MapperFeature) still is Jackson 2's way on a built mapper
    static ObjectMapper strict(ObjectMapper mapper) {
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false); // "5" for 5, "true" for true
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        // no number or boolean becomes a string, no number a boolean
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Enum)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("vigil-strict-json").addDeserializer(Instant.class,
                new IsoInstantDeserializer()));
        return mapper;
    }
}
