package dev.vigil.identity.web;

import dev.vigil.identity.domain.EmailAddress;
import dev.vigil.platform.input.TextPolicy;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An email address by the domain's own rule ({@link EmailAddress}), so the web and the aggregate never disagree.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidEmailAddress.Validator.class)
@interface ValidEmailAddress {

    String message() default "must be a valid email address of at most " + EmailAddress.MAX_LENGTH + " characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidEmailAddress, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || value.isEmpty() || TextPolicy.violation(value, EmailAddress.MAX_LENGTH).isPresent()) {
                return true; // @NotBlank and @SafeText report these cases
            }
            try {
                EmailAddress.of(value);
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
    }
}
