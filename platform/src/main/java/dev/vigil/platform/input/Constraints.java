package dev.vigil.platform.input;

import jakarta.validation.ConstraintValidatorContext;

/** Helpers shared by the policies' constraint validators. */
final class Constraints {

    private Constraints() {
    }

    /**
     * Reports {@code reason} instead of the constraint's default message. The reason is a literal: braces, dollar
     * signs and backslashes are escaped so the message interpolator does not read them as expressions.
     */
    static void replaceMessage(ConstraintValidatorContext context, String reason) {
        String literal = reason.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(literal).addConstraintViolation();
    }
}
