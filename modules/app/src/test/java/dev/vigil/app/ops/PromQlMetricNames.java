package dev.vigil.app.ops;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression reads: what is left once string literals, Grafana variables, label
 * matchers, ranges, grouping label lists and numbers are taken out, minus functions (a name before a parenthesis)
 * and the language's keywords. Enough for the expressions Vigil's dashboards and rules hold; not a PromQL parser
 * (promtool checks the syntax).
 */
final class PromQlMetricNames {

    private static final Pattern STRINGS = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
    private static final Pattern GRAFANA_VARIABLES = Pattern.compile("\\$\\{[^}]*}|\\$\\w+");
    private static final Pattern LABEL_MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");
    private static final Pattern LABEL_LISTS = Pattern.compile(
            "\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    // a number or duration (0.99, 1e3, 5m) is consumed whole, so its letters are never taken for a name
    private static final Pattern TOKENS = Pattern.compile("\\d[\\w.]*|([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on",
            "ignoring", "group_left", "group_right", "inf", "nan");

    private PromQlMetricNames() {
    }

    static Set<String> in(String expression) {
        String rest = expression;
        for (Pattern noise : new Pattern[] {STRINGS, GRAFANA_VARIABLES, LABEL_MATCHERS, RANGES, LABEL_LISTS}) {
            rest = noise.matcher(rest).replaceAll(" ");
        }
        Set<String> names = new LinkedHashSet<>();
        Matcher token = TOKENS.matcher(rest);
        while (token.find()) {
            String name = token.group(1);
            boolean function = token.group(2) != null;
            if (name != null && !function && !KEYWORDS.contains(name.toLowerCase(Locale.ROOT))) {
                names.add(name);
            }
        }
        return names;
    }
}
