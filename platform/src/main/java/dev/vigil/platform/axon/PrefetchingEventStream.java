package dev.vigil.platform.axon;

import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;

/**
 * Reads a source stream ahead into a bounded buffer on one virtual thread, which is the only thread that
 * ever touches the source, and calls the availability callback whenever it buffers an event.
 * The consumer side (Axon's coordinator) reads from the buffer.
 */
final class PrefetchingEventStream implements BlockingStream<TrackedEventMessage<?>> {

    private final BlockingStream<TrackedEventMessage<?>> source;
    private final BlockingQueue<TrackedEventMessage<?>> buffer;
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final Thread reader;
    private volatile Runnable onAvailable;
    private volatile boolean closed;
    private TrackedEventMessage<?> head;

    PrefetchingEventStream(BlockingStream<TrackedEventMessage<?>> source, String processorName, int bufferSize) {
        this.source = source;
        this.buffer = new ArrayBlockingQueue<>(bufferSize);
        this.reader = Thread.ofVirtual().name("vigil-prefetch-" + processorName).start(this::readAhead);
    }

    private void readAhead() {
        try {
            while (!closed) {
                if (source.hasNextAvailable(1, TimeUnit.SECONDS)) {
                    buffer.put(source.nextAvailable());
                    Runnable callback = onAvailable;
                    if (callback != null) {
                        callback.run();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure.set(e);
            Runnable callback = onAvailable;
            if (callback != null) {
                callback.run(); // let the coordinator see the failure and reopen the stream
            }
        }
    }

    @Override
    public synchronized Optional<TrackedEventMessage<?>> peek() {
        rethrowFailure();
        if (head == null) {
            head = buffer.poll();
        }
        return Optional.ofNullable(head);
    }

    @Override
    public synchronized boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
        rethrowFailure();
        if (head == null) {
            head = buffer.poll(timeout, unit);
        }
        return head != null;
    }

    @Override
    public synchronized TrackedEventMessage<?> nextAvailable() throws InterruptedException {
        rethrowFailure();
        TrackedEventMessage<?> next = head != null ? head : buffer.take();
        head = null;
        return next;
    }

    @Override
    public boolean setOnAvailableCallback(Runnable callback) {
        this.onAvailable = callback;
        return true;
    }

    @Override
    public void close() {
        closed = true;
        reader.interrupt();
        source.close();
    }

    private void rethrowFailure() {
        RuntimeException e = failure.get();
        if (e != null && buffer.isEmpty() && head == null) {
            throw e;
        }
    }
}
