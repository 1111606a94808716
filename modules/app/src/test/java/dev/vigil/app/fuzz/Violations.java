package dev.vigil.app.fuzz;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Every broken rule of a run, grouped by kind, method, route template and status, each group with its count
 * and the first request that showed it: one run shows everything that is wrong, not only the first thing.
 */
final class Violations {

    record Group(String kind, String method, String template, int status) {
    }

    record Sample(String request, String response) {
    }

    private final Map<Group, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final Map<Group, Sample> samples = new ConcurrentHashMap<>();

    void add(String kind, FuzzRequest request, FuzzResponse response) {
        Group group = new Group(kind, request.method(), request.template(), response.status());
        counts.computeIfAbsent(group, key -> new AtomicInteger()).incrementAndGet();
        samples.putIfAbsent(group, new Sample(request.describe(), response.answered()
                ? response.status() + " " + response.contentType() + " " + FuzzRequest.visible(response.body())
                : response.transportError()));
    }

    /** A violation found after the requests (the read models, the canaries): its own group, with what was seen. */
    void addAftermath(String kind, String subject, String seen) {
        Group group = new Group(kind, "-", subject, 0);
        counts.computeIfAbsent(group, key -> new AtomicInteger()).incrementAndGet();
        samples.putIfAbsent(group, new Sample(subject, FuzzRequest.visible(seen)));
    }

    boolean isEmpty() {
        return counts.isEmpty();
    }

    int total() {
        return counts.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    long count(String kindPrefix) {
        return counts.entrySet().stream().filter(entry -> entry.getKey().kind().startsWith(kindPrefix))
                .mapToLong(entry -> entry.getValue().get()).sum();
    }

    /** Counts per kind, largest first: the first line of the report. */
    String byKind() {
        return counts.entrySet().stream()
                .collect(Collectors.groupingBy(entry -> entry.getKey().kind(), java.util.TreeMap::new,
                        Collectors.summingInt(entry -> entry.getValue().get())))
                .entrySet().stream().sorted(Comparator.comparing(entry -> -entry.getValue()))
                .map(entry -> entry.getValue() + " x " + entry.getKey()).collect(Collectors.joining("; "));
    }

    /** The groups whose kind starts with {@code kindPrefix}, largest first, each with its sample. */
    String report(String kindPrefix) {
        List<Map.Entry<Group, AtomicInteger>> groups = counts.entrySet().stream()
                .filter(entry -> entry.getKey().kind().startsWith(kindPrefix))
                .sorted(Comparator.comparing((Map.Entry<Group, AtomicInteger> entry) -> -entry.getValue().get())
                        .thenComparing(entry -> entry.getKey().toString()))
                .toList();
        return groups.stream().map(entry -> {
            Group group = entry.getKey();
            Sample sample = samples.get(group);
            return "%5d x %s | %s %s | status %d%n        request:  %s%n        response: %s".formatted(entry.getValue().get(),
                    group.kind(), group.method(), group.template(), group.status(), sample.request(), sample.response());
        }).collect(Collectors.joining(System.lineSeparator()));
    }
}
