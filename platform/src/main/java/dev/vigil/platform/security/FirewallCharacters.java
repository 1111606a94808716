package dev.vigil.platform.security;

import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The characters Spring Security's {@code StrictHttpFirewall} allows in header names and values and parameter names
 * (assigned code points, no control characters; a value may hold a tab), answered without a regular expression for
 * the usual printable-ASCII string. The firewall checks every header the application reads, the bearer token at least
 * twice per request, and its regular expression was a seventh of the fixed endpoint's CPU
 * (docs/performance.md, "Per-request cost"). Anything else is judged by the firewall's own expression.
 */
final class FirewallCharacters implements Predicate<String> {

    static final FirewallCharacters NAMES = new FirewallCharacters(false, Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*"));
    static final FirewallCharacters HEADER_VALUES =
            new FirewallCharacters(true, Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*"));

    private final boolean tab;
    private final Pattern otherwise;

    private FirewallCharacters(boolean tab, Pattern otherwise) {
        this.tab = tab;
        this.otherwise = otherwise;
    }

    @Override
    public boolean test(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < ' ' || c > '~') && !(tab && c == '\t')) {
                return otherwise.matcher(text).matches();
            }
        }
        return true;
    }
}
