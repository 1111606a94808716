package dev.vigil.platform.input;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The Bean Validation face of the policies, as request records use it. */
class InputConstraintsTests {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    record Body(@SafeText(max = 5) String name, @StorableInstant Instant at) {
    }

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void aValueWithinThePoliciesPasses() {
        assertThat(VALIDATOR.validate(new Body("Ada", Instant.parse("2026-01-01T00:00:00Z")))).isEmpty();
    }

    @Test
    void nullPassesForTheRequiredConstraintsToReport() {
        assertThat(VALIDATOR.validate(new Body(null, null))).isEmpty();
    }

    @Test
    void eachBadFieldIsReportedWithThePolicysReason() {
        assertThat(messages(new Body("a\u0000b", Instant.parse("-5000-01-01T00:00:00Z")))).containsExactlyInAnyOrder(
                "name: must not contain control characters or line breaks (found U+0000)",
                "at: must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59.999999Z");
        assertThat(messages(new Body("\uD800", null)))
                .containsExactly("name: must be well-formed Unicode (found the unpaired surrogate U+D800)");
        assertThat(messages(new Body("abcdef", null))).containsExactly("name: must be at most 5 characters long, not 6");
    }

    private static Set<String> messages(Body body) {
        Set<ConstraintViolation<Body>> violations = VALIDATOR.validate(body);
        return violations.stream().map(v -> v.getPropertyPath() + ": " + v.getMessage()).collect(Collectors.toSet());
    }
}
