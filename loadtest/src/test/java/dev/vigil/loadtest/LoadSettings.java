package dev.vigil.loadtest;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code -D} properties every simulation reads, with the defaults of issue 7's full-scale runs.
 * Reading them in one place keeps the names in docs/performance.md and the code the same.
 */
final class LoadSettings {

    private LoadSettings() {
    }

    static String baseUrl() {
        return text("baseUrl", "http://localhost:8080");
    }

    /** Page size of the alert and exposure lists, as the web app asks for them. */
    static int pageSize() {
        return whole("pageSize", 10);
    }

    /** Assert latency percentiles; the CI smoke turns this off because a shared CI box says nothing about speed. */
    static boolean assertLatency() {
        return Boolean.parseBoolean(text("assertLatency", "true"));
    }

    static String text(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    static int whole(String name, int fallback) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + name + " must be a whole number, got '" + value + "'", e);
        }
    }

    static Duration seconds(String name, int fallback) {
        return Duration.ofSeconds(whole(name, fallback));
    }

    static List<Integer> wholeList(String name, String fallback) {
        return Arrays.stream(text(name, fallback).split(",")).map(String::strip).map(Integer::valueOf).toList();
    }
}
