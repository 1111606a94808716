package dev.vigil.loadtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * Reads the users file that {@code bin/seed --users-out FILE} writes: a header {@code userId,kind}, then one
 * user per line. Parsed here rather than by Gatling's csv feeder so a wrong file fails before any load starts.
 */
final class SeededUsersCsv {

    private static final String HEADER = "userId,kind";

    private SeededUsersCsv() {
    }

    static List<LoadUser> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the seeded users file " + file, e);
        }
        if (lines.isEmpty() || !lines.getFirst().strip().equals(HEADER)) {
            throw new IllegalArgumentException(file + " must start with the header '" + HEADER + "'");
        }
        return lines.stream().skip(1).map(String::strip).filter(line -> !line.isEmpty())
                .map(line -> parse(file, line)).toList();
    }

    private static LoadUser parse(Path file, String line) {
        String[] fields = line.split(",");
        if (fields.length != 2 || !(fields[1].equals("light") || fields[1].equals("heavy"))) {
            throw new IllegalArgumentException(file + ": expected 'userId,light|heavy', got '" + line + "'");
        }
        return new LoadUser(UUID.fromString(fields[0]), fields[1]);
    }
}
