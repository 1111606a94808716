package dev.vigil.app.ops;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The metric names a Prometheus text-format scrape holds: every sample line's name, every name a {@code # HELP} or
 * {@code # TYPE} line declares (a meter with no sample yet), and a declared histogram's or summary's series
 * ({@code _bucket}, {@code _count}, {@code _sum}), which is what PromQL queries by.
 */
final class ScrapedMetricNames {

    private ScrapedMetricNames() {
    }

    static Set<String> in(String scrape) {
        Set<String> names = new HashSet<>();
        for (String line : scrape.lines().toList()) {
            if (line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
                String[] words = line.split(" ");
                names.add(words[2]);
                if (line.startsWith("# TYPE ") && words.length > 3) {
                    names.addAll(seriesOf(words[2], words[3]));
                }
            } else if (!line.isBlank() && !line.startsWith("#")) {
                names.add(line.split("[{ ]", 2)[0]);
            }
        }
        return names;
    }

    private static List<String> seriesOf(String name, String type) {
        return switch (type) {
            case "histogram" -> List.of(name + "_bucket", name + "_count", name + "_sum");
            case "summary" -> List.of(name + "_count", name + "_sum");
            default -> List.of();
        };
    }
}
