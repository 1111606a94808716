package dev.vigil.platform.idempotency;

import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A command endpoint that counts how often it really ran, for the idempotency tests. */
@RestController
class CountingCommandController {

    final AtomicInteger runs = new AtomicInteger();

    record Order(String item, int quantity) {
    }

    @PostMapping("/api/v1/test-orders")
    ResponseEntity<Map<String, Object>> create(@RequestBody Order order) {
        if (order.quantity() <= 0) {
            return ResponseEntity.badRequest().body(Map.of("error", "quantity"));
        }
        runs.incrementAndGet();
        UUID id = UUID.randomUUID();
        return ResponseEntity.created(URI.create("/api/v1/test-orders/" + id)).body(Map.of("id", id, "item", order.item()));
    }
}
