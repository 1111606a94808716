package dev.vigil.monitoring.web;

import dev.vigil.monitoring.MonitoringProperties;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

/**
 * A batch holds at least one finding and at most {@code vigil.monitoring.max-findings-per-batch}. The limit
 * is configuration, so the validator is created by Spring (which injects the properties).
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = WithinBatchLimit.Validator.class)
@interface WithinBatchLimit {

    String message() default "must hold at least one finding and no more than the configured limit";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<WithinBatchLimit, List<?>> {

        private final int limit;

        Validator(MonitoringProperties properties) {
            this.limit = properties.maxFindingsPerBatch();
        }

        @Override
        public boolean isValid(List<?> findings, ConstraintValidatorContext context) {
            if (findings == null || (!findings.isEmpty() && findings.size() <= limit)) {
                return true; // @NotNull reports null
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("must hold between 1 and " + limit + " findings, not "
                    + findings.size()).addConstraintViolation();
            return false;
        }
    }
}
