package dev.vigil.app.loadtest;

import java.util.Map;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The trivial endpoint of the saturation simulation: a constant JSON body with no database, no Redis and
 * no per-user work, so its throughput is the ceiling of HTTP, security and JSON on this machine.
 */
@RestController
@Profile("loadtest")
class PingController {

    private static final Map<String, String> PONG = Map.of("status", "ok");

    @GetMapping("/loadtest/ping")
    Map<String, String> ping() {
        return PONG;
    }
}
