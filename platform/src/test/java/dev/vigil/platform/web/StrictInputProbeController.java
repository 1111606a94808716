package dev.vigil.platform.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Endpoints shaped like the modules' (record bodies with enums, instants and nested lists), for reading input strictly. */
@RestController
class StrictInputProbeController {

    enum Level { LOW, HIGH }

    record Item(@NotBlank String name, @NotNull Level level, @NotEmpty List<@NotNull Level> levels) {
    }

    record Probe(@NotBlank String text, @NotNull Boolean flag, @NotNull Instant at, @NotNull Level level,
            @NotNull List<@Valid @NotNull Item> items) {
    }

    @PostMapping("/api/v1/strict-probe")
    Probe echo(@Valid @RequestBody Probe probe) {
        return probe;
    }

    /** A {@code @Valid} list body: Spring's method validation, not a bound object. */
    @PostMapping("/api/v1/strict-probe/items")
    List<Item> items(@RequestBody List<@Valid Item> items) {
        return items;
    }

    @GetMapping("/api/v1/strict-probe/{id}")
    Map<String, Object> one(@PathVariable UUID id, @RequestParam(required = false) Level level) {
        return Map.of("id", id);
    }

    @GetMapping("/api/v1/strict-probe/anything")
    Map<String, String> anything(@RequestParam Map<String, String> parameters) {
        return parameters;
    }
}
