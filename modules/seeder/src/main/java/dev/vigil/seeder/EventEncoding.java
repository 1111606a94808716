package dev.vigil.seeder;

import java.util.UUID;
import org.axonframework.serialization.Serializer;

/** An event's stored columns as Axon's JDBC event store writes them: Jackson payload and metadata. */
final class EventEncoding {

    private final Serializer serializer;
    private final TraceMetaData metaData;

    EventEncoding(Serializer serializer) {
        this.serializer = serializer;
        this.metaData = new TraceMetaData(serializer);
    }

    byte[] payload(Object payload) {
        return serializer.serialize(payload, byte[].class).getData();
    }

    byte[] metaData(UUID traceId) {
        return metaData.of(traceId);
    }
}
