package dev.vigil.platform.feed;

import java.util.Map;

/**
 * A statement's text with the values of its named parameters, ready to run (and to explain, in the plan tests).
 *
 * @param parameters bound by name; exactly the parameters the text uses
 */
record BoundStatement(String sql, Map<String, Object> parameters) {

    BoundStatement {
        parameters = Map.copyOf(parameters);
    }
}
