package dev.vigil.platform.web;

/**
 * One rejected input: which field (JSON property or query parameter) and why.
 */
public record FieldError(String field, String message) {
}
