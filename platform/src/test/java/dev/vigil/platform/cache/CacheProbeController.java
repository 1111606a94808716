package dev.vigil.platform.cache;

import dev.vigil.platform.web.CurrentUser;
import java.time.Duration;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A cached read endpoint shaped like a module's, for the statement-budget test. */
@RestController
class CacheProbeController {

    private final GreetingQueries queries;

    CacheProbeController(GreetingQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/v1/cache-probe")
    Greeting greeting(@CurrentUser UUID userId) {
        return queries.greeting(userId);
    }

    record Greeting(UUID userId, String text) {
    }

    /** A query service: one named statement behind the read cache (controllers never talk SQL). */
    @Component
    static class GreetingQueries {

        static final CacheSpace GREETINGS = new CacheSpace("platform.cache-probe", Duration.ofMinutes(1));

        private static final String GREETING = """
                /* platform.cache_probe */
                SELECT 'hello ' || :userId""";

        private final ReadCache cache;
        private final JdbcClient jdbc;

        GreetingQueries(ReadCache cache, JdbcClient jdbc) {
            this.cache = cache;
            this.jdbc = jdbc;
        }

        Greeting greeting(UUID userId) {
            return cache.get(GREETINGS, userId, "greeting", Greeting.class, () -> new Greeting(userId,
                    jdbc.sql(GREETING).param("userId", userId.toString()).query(String.class).single()));
        }
    }
}
