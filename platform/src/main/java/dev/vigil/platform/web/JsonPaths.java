package dev.vigil.platform.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.ArrayList;
import java.util.List;

/** Field names as the API shows them: JSON paths such as {@code findings[3].severity}. */
final class JsonPaths {

    private JsonPaths() {
    }

    /** Where in the body Jackson failed. */
    static String of(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                append(path, reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /**
     * A violation's property path without the method and parameter it was found through
     * ({@code ingest.batch.findings[3].sourceName} is {@code findings[3].sourceName}); a violation of a parameter itself
     * is named by the parameter.
     */
    static String of(Path violation) {
        List<Path.Node> nodes = new ArrayList<>();
        violation.forEach(nodes::add);
        StringBuilder path = new StringBuilder();
        String parameter = "";
        for (Path.Node node : nodes) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (kind != ElementKind.PROPERTY && kind != ElementKind.CONTAINER_ELEMENT && kind != ElementKind.BEAN) {
                continue;
            }
            if (node.isInIterable()) {
                path.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (node.getName() != null && kind == ElementKind.PROPERTY) {
                append(path, node.getName());
            }
        }
        return path.isEmpty() ? parameter : path.toString();
    }

    /** {@code field} under {@code prefix}: {@code findings[3]} and {@code sourceName} make {@code findings[3].sourceName}. */
    static String join(String prefix, String field) {
        if (prefix.isEmpty() || field.startsWith("[")) {
            return prefix + field;
        }
        return prefix + "." + field;
    }

    private static void append(StringBuilder path, String name) {
        if (!path.isEmpty()) {
            path.append('.');
        }
        path.append(name);
    }
}
