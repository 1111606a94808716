package dev.vigil.platform.cache;

import java.time.Duration;
import java.util.function.Supplier;

/** Loaders for cache tests. */
final class Loaders {

    private Loaders() {
    }

    /** For reads that must be cache hits: fails the test if it runs. */
    static <T> Supplier<T> mustNotRun() {
        return () -> {
            throw new AssertionError("the loader ran: this read should have been a cache hit");
        };
    }

    /** A load that takes {@code duration}, like a slow query. */
    static <T> Supplier<T> slow(Duration duration, Supplier<T> loader) {
        return () -> {
            try {
                Thread.sleep(duration);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return loader.get();
        };
    }
}
