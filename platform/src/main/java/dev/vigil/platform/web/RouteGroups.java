package dev.vigil.platform.web;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Comparator;
import java.util.List;


/**
 * Which {@link RouteGroup} a path belongs to: the longest configured prefix it starts with, on a segment boundary,
 * or the one group {@code other}. A fixed set, so no caller can make the instance keep state for paths it invents.
 */
final class RouteGroups {

    static final String OTHER = "other";

    private final List<RouteGroup> groups;
    private final RouteGroup other;

    RouteGroups(AdmissionProperties settings, MeterRegistry meters) {
        this.groups = settings.group().prefixes().stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(prefix -> new RouteGroup(prefix, settings, meters))
                .toList();
        this.other = new RouteGroup(OTHER, settings, meters);
    }

    RouteGroup of(String path) {
        for (RouteGroup group : groups) {
            String prefix = group.name();
            if (path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/')) {
                return group;
            }
        }
        return other;
    }
}
