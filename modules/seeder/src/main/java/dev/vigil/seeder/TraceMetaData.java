package dev.vigil.seeder;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;

/**
 * An event's serialized metadata: the correlation data Axon's interceptors attach ({@code traceId} and
 * {@code correlationId}, both the id of the event that caused it). Every event has the same two keys, so the
 * serializer's output is taken once with a marker id and each event's bytes are that template with its own id
 * written over the marker (a uuid's text has a fixed length): byte for byte what the serializer gives, without
 * running Jackson for each of tens of millions of events. The constructor checks this against the serializer.
 */
final class TraceMetaData {

    private static final UUID MARKER = UUID.fromString("0f0e0d0c-0b0a-4908-8706-050403020100");

    private final byte[] template;
    private final int[] markerAt;

    TraceMetaData(Serializer serializer) {
        this.template = serialize(serializer, MARKER);
        this.markerAt = occurrences(template, MARKER.toString().getBytes(StandardCharsets.US_ASCII));
        if (markerAt.length != 2) {
            throw new IllegalStateException("expected traceId and correlationId in " + new String(template,
                    StandardCharsets.UTF_8));
        }
        UUID probe = UUID.fromString("7a1b2c3d-4e5f-4a6b-9c8d-7e6f5a4b3c2d");
        if (!Arrays.equals(of(probe), serialize(serializer, probe))) {
            throw new IllegalStateException("the metadata template does not match the serializer's output");
        }
    }

    byte[] of(UUID traceId) {
        byte[] bytes = template.clone();
        byte[] id = traceId.toString().getBytes(StandardCharsets.US_ASCII);
        for (int at : markerAt) {
            System.arraycopy(id, 0, bytes, at, id.length);
        }
        return bytes;
    }

    private static byte[] serialize(Serializer serializer, UUID traceId) {
        String trace = traceId.toString();
        MetaData metaData = MetaData.with("traceId", trace).and("correlationId", trace);
        return serializer.serialize(metaData, byte[].class).getData();
    }

    private static int[] occurrences(byte[] bytes, byte[] part) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i + part.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                found.add(i);
            }
        }
        return found.stream().mapToInt(Integer::intValue).toArray();
    }
}
