package dev.vigil.platform.axon;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * The event store as the pooled processors see it: every stream it opens reads ahead on a thread of its
 * own and wakes the processor's coordinator the moment an event arrives.
 * <p>
 * Why: Axon's pooled streaming coordinator polls every 500 ms unless its stream supports an availability
 * callback, and the embedded JDBC event store's streams do not. Without this, a user's own write reaches
 * the read tables ~250–500 ms later; with it, within milliseconds (docs/projections.md).
 */
final class PrefetchingEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final StreamableMessageSource<TrackedEventMessage<?>> delegate;
    private final String processorName;
    private final int bufferSize;

    PrefetchingEventSource(StreamableMessageSource<TrackedEventMessage<?>> delegate, String processorName, int bufferSize) {
        this.delegate = delegate;
        this.processorName = processorName;
        this.bufferSize = bufferSize;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new PrefetchingEventStream(delegate.openStream(trackingToken), processorName, bufferSize);
    }

    @Override
    public TrackingToken createTailToken() {
        return delegate.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return delegate.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(java.time.Instant dateTime) {
        return delegate.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(java.time.Duration duration) {
        return delegate.createTokenSince(duration);
    }
}
