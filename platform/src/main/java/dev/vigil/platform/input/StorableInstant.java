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
import java.time.Instant;
import java.util.Optional;

/** An instant within the {@link InstantPolicy}'s range. Null passes: {@code @NotNull} says whether it is required. */
@Documented
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = StorableInstant.Validator.class)
public @interface StorableInstant {

    String message() default "must be within the range Vigil stores";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<StorableInstant, Instant> {

        @Override
        public boolean isValid(Instant value, ConstraintValidatorContext context) {
            Optional<String> violation = value == null ? Optional.empty() : InstantPolicy.violation(value);
            violation.ifPresent(reason -> Constraints.replaceMessage(context, reason));
            return violation.isEmpty();
        }
    }
}
