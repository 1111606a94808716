package dev.vigil.platform.axon;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

/**
 * Operators' view of the read models: their processors, and rebuilding one with live progress.
 * {@code curl -N -X POST :8080/admin/projections/<processor>/rebuild} prints a line per second and the
 * events/s reached at the end (docs/projections.md), for at most {@code vigil.projections.rebuild-stream-timeout}.
 */
@RestController
@RequestMapping("/admin/projections")
class ProjectionAdminController {

    private final ProjectionRebuilds rebuilds;
    private final ProjectionLagMeters lag;
    private final String instance;
    private final Duration streamTimeout;

    ProjectionAdminController(ProjectionRebuilds rebuilds, ProjectionLagMeters lag, String instance,
            Duration streamTimeout) {
        this.rebuilds = rebuilds;
        this.lag = lag;
        this.instance = instance;
        this.streamTimeout = streamTimeout;
    }

    @GetMapping
    Map<String, Object> processors() {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("head", lag.head());
        result.put("processors", rebuilds.processorNames());
        return result;
    }

    @PostMapping(value = "/{processor}/rebuild", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<ResponseBodyEmitter> rebuild(@PathVariable String processor) {
        if (!rebuilds.processorNames().contains(processor)) {
            throw new ProjectionRebuilds.UnknownProjection(processor);
        }
        return ResponseEntity.ok().contentType(RebuildProgressStream.TEXT)
                .body(RebuildProgressStream.start(rebuilds, processor, instance, streamTimeout));
    }

    @ExceptionHandler(ProjectionRebuilds.UnknownProjection.class)
    ResponseEntity<ProblemDetail> unknown(ProjectionRebuilds.UnknownProjection e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage()));
    }
}
