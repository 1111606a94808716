package dev.vigil.app.plans;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import net.ttddyy.dsproxy.proxy.ParameterSetOperation;

/**
 * A captured statement as {@code PREPARE} / {@code EXECUTE} text, to see the generic plan PostgreSQL may switch a
 * server-prepared statement to (pgjdbc prepares on the server after 5 executions): {@code ?} placeholders numbered
 * {@code $1..$n}, parameter types inferred by PostgreSQL, the bound values written as literals (EXECUTE takes no bind
 * parameters; the values are the service's own, for this suite's users and filters, and quoted).
 */
final class GenericPlans {

    private GenericPlans() {
    }

    static String prepare(String name, CapturedStatement captured) {
        StringBuilder numbered = new StringBuilder();
        int next = 1;
        for (char c : captured.sql().toCharArray()) {
            if (c == '?') {
                numbered.append('$').append(next++);
            } else {
                numbered.append(c);
            }
        }
        return "PREPARE " + name + " AS " + numbered;
    }

    static String execute(String name, CapturedStatement captured) {
        List<ParameterSetOperation> ordered = new ArrayList<>(captured.parameters());
        ordered.sort((a, b) -> Integer.compare((Integer) a.getArgs()[0], (Integer) b.getArgs()[0]));
        return "EXECUTE " + name + "(" + ordered.stream().map(GenericPlans::literal).collect(Collectors.joining(", ")) + ")";
    }

    private static String literal(ParameterSetOperation operation) {
        Object value = operation.getArgs()[1];
        if (operation.getMethod().getName().equals("setNull") || value == null) {
            return "NULL";
        }
        return switch (value) {
            case Number number -> number.toString();
            case Object[] array -> quoted("{" + Arrays.stream(array).map(String::valueOf)
                    .map(element -> "\"" + element.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                    .collect(Collectors.joining(",")) + "}");
            case UUID uuid -> quoted(uuid.toString());
            default -> quoted(value.toString());
        };
    }

    private static String quoted(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
