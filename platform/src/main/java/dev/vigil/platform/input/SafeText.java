package dev.vigil.platform.input;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;

/**
 * Text within the {@link TextPolicy} and at most {@link #max()} characters (Unicode code points). Null and blank
 * text pass: {@code @NotBlank} says whether a field is required. The message says what is wrong, never echoing
 * the value.
 */
@Documented
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = SafeText.Validator.class)
public @interface SafeText {

    /** The longest text allowed, in Unicode code points. */
    int max();

    String message() default "must be single-line, well-formed text";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<SafeText, String> {

        private int max;

        @Override
        public void initialize(SafeText annotation) {
            this.max = annotation.max();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            Optional<String> violation = value == null ? Optional.empty() : TextPolicy.violation(value, max);
            violation.ifPresent(reason -> Constraints.replaceMessage(context, reason));
            return violation.isEmpty();
        }
    }
}
