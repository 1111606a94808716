package dev.vigil.platform.axon;

import dev.vigil.platform.paging.Page;
import dev.vigil.platform.paging.PageRequest;
import dev.vigil.platform.paging.PageResponses;
import dev.vigil.platform.web.ProblemDetailsAdvice;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators' hands on the dead-letter queues (admin scope, like everything under {@code /admin}): list a
 * processor's parked events, retry a sequence after fixing the cause, evict a sequence or one letter
 * (runbook: docs/projections.md, "Dead letters").
 */
@RestController
@RequestMapping("/admin/projections/{processor}/dead-letters")
class DeadLetterAdminController {

    private final DeadLetters deadLetters;

    DeadLetterAdminController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    ResponseEntity<Page<DeadLetters.DeadLetterView>> list(@PathVariable String processor, PageRequest page,
            HttpServletRequest request) {
        return PageResponses.ok(deadLetters.page(processor, page), request);
    }

    @PostMapping("/{sequence}/retry")
    DeadLetters.RetryResult retry(@PathVariable String processor, @PathVariable String sequence) {
        return deadLetters.retry(processor, sequence);
    }

    @DeleteMapping("/{sequence}")
    ResponseEntity<Void> evictSequence(@PathVariable String processor, @PathVariable String sequence) {
        deadLetters.evictSequence(processor, sequence);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{sequence}/letters/{letterId}")
    ResponseEntity<Void> evictLetter(@PathVariable String processor, @PathVariable String sequence,
            @PathVariable String letterId) {
        deadLetters.evictLetter(processor, sequence, letterId);
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(DeadLetters.NoSuchDeadLetter.class)
    ResponseEntity<ProblemDetail> unknown(DeadLetters.NoSuchDeadLetter e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setType(ProblemDetailsAdvice.NOT_FOUND);
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
