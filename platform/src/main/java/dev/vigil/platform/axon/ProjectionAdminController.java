package dev.vigil.platform.axon;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
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
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Operators' view of the read models: their processors, and rebuilding one with live progress.
 * {@code curl -N -X POST :8080/admin/projections/<processor>/rebuild} prints a line per second and the
 * events/s reached at the end (docs/projections.md).
 */
@RestController
@RequestMapping("/admin/projections")
class ProjectionAdminController {

    private final ProjectionRebuilds rebuilds;
    private final ProjectionLagMeters lag;

    ProjectionAdminController(ProjectionRebuilds rebuilds, ProjectionLagMeters lag) {
        this.rebuilds = rebuilds;
        this.lag = lag;
    }

    @GetMapping
    Map<String, Object> processors() {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("head", lag.head());
        result.put("processors", rebuilds.processorNames());
        return result;
    }

    @PostMapping(value = "/{processor}/rebuild", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<StreamingResponseBody> rebuild(@PathVariable String processor) {
        if (!rebuilds.processorNames().contains(processor)) {
            throw new ProjectionRebuilds.UnknownProjection(processor);
        }
        StreamingResponseBody body = output -> {
            PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(output, StandardCharsets.UTF_8), true);
            try {
                ProjectionRebuilds.Report report = rebuilds.rebuild(processor, progress -> out.printf(
                        "%s position=%d/%d (%.1f%%) events/s=%.0f elapsed=%ds%n", progress.processor(), progress.position(),
                        progress.head(), progress.percent(), progress.eventsPerSecond(), progress.elapsed().toSeconds()));
                out.printf("done %s events=%d took=%.1fs events/s=%.0f%n", report.processor(), report.events(),
                        report.took().toMillis() / 1000.0, report.eventsPerSecond());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                out.println("interrupted; the replay goes on in the processor");
            } catch (ProjectionRebuilds.RebuildInProgress e) {
                out.println("refused: " + e.getMessage());
            }
        };
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(body);
    }

    @ExceptionHandler(ProjectionRebuilds.UnknownProjection.class)
    ResponseEntity<ProblemDetail> unknown(ProjectionRebuilds.UnknownProjection e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage()));
    }
}
