package dev.vigil.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.platform.cache.CacheSpace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;

class CachedReadsInvalidationTests {

    static final CacheSpace PAGES = new CacheSpace("test.pages", Duration.ofSeconds(10));
    static final CacheSpace ITEMS = new CacheSpace("test.items", Duration.ofMinutes(1));
    static final CacheSpace OTHER = new CacheSpace("test.other", Duration.ofMinutes(1));

    public record SomethingHappened(UUID somethingId, UUID userId) {
    }

    public record NoUser(UUID somethingId) {
    }

    @ProcessingGroup("test-feed")
    static class FeedProjection implements CachedReads {
        @Override
        public List<CacheSpace> spaces() {
            return List.of(PAGES, ITEMS);
        }
    }

    @ProcessingGroup("test-feed")
    static class SecondFeedProjection implements CachedReads {
        @Override
        public List<CacheSpace> spaces() {
            return List.of(ITEMS);
        }
    }

    @ProcessingGroup("test-other")
    static class OtherProjection implements CachedReads {
        @Override
        public List<CacheSpace> spaces() {
            return List.of(OTHER);
        }
    }

    static class UngroupedProjection implements CachedReads {
        @Override
        public List<CacheSpace> spaces() {
            return List.of(OTHER);
        }
    }

    private final List<String> invalidated = new ArrayList<>();
    private final List<CachedReads> projections =
            List.of(new FeedProjection(), new SecondFeedProjection(), new OtherProjection());

    @Test
    void invalidatesTheSpacesOfTheProcessorsProjectionsForTheEventsUserAfterTheHandlerRan() throws Exception {
        UUID user = UUID.randomUUID();

        handle("test-feed", new SomethingHappened(UUID.randomUUID(), user), () -> invalidated.add("handler"));

        assertThat(invalidated).containsExactly("handler", "test.pages/" + user, "test.items/" + user);
    }

    @Test
    void leavesCachesAloneForAnEventWithoutAUserAndForAProcessorWithoutCachedReads() throws Exception {
        handle("test-feed", new NoUser(UUID.randomUUID()), () -> { });
        handle("test-known-users", new SomethingHappened(UUID.randomUUID(), UUID.randomUUID()), () -> { });

        assertThat(invalidated).isEmpty();
    }

    @Test
    void aHandlerThatFailsInvalidatesNothing() {
        assertThatThrownBy(() -> handle("test-feed", new SomethingHappened(UUID.randomUUID(), UUID.randomUUID()),
                () -> {
                    throw new IllegalStateException("statement failed");
                })).hasMessage("statement failed");

        assertThat(invalidated).isEmpty();
    }

    @Test
    void aProjectionWithoutAProcessingGroupStopsStartUp() {
        assertThatThrownBy(() -> CachedReadsInvalidation.forProcessor("test-feed", List.of(new UngroupedProjection()),
                (space, userId) -> { }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(UngroupedProjection.class.getName());
    }

    private void handle(String processor, Object payload, Runnable handler) throws Exception {
        MessageHandlerInterceptor<EventMessage<?>> interceptor = CachedReadsInvalidation.forProcessor(processor,
                projections, (space, userId) -> invalidated.add(space.name() + "/" + userId));
        UnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage(payload));
        try {
            interceptor.handle(unitOfWork, () -> {
                handler.run();
                return null;
            });
            unitOfWork.commit();
        } catch (RuntimeException e) {
            unitOfWork.rollback(e);
            throw e;
        }
    }
}
