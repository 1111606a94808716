package dev.vigil.platform.idempotency;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/** Deletes keys past their retention, hourly; a sweep on several instances at once is harmless. */
class IdempotencySweeper {

    private static final Logger log = LoggerFactory.getLogger(IdempotencySweeper.class);

    private final IdempotencyStore store;
    private final IdempotencyProperties properties;
    private final Clock clock;

    IdempotencySweeper(IdempotencyStore store, IdempotencyProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${vigil.idempotency.sweep-every:1h}", initialDelayString = "${vigil.idempotency.sweep-every:1h}")
    void sweep() {
        int deleted = store.sweep(clock.instant().minus(properties.retention()));
        if (deleted > 0) {
            log.info("event=idempotency_keys_swept deleted={}", deleted);
        }
    }
}
