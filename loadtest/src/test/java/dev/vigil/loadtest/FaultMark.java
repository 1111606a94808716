package dev.vigil.loadtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A moment the fault-injection script noted while the load ran: {@code <epoch-ms> <label>}, e.g. kill-instance-1. */
record FaultMark(long epochMs, String label) {

    /** The marks of the file, oldest first; none when there is no file. Lines that are no mark are skipped with a note. */
    static List<FaultMark> read(Path file) throws IOException {
        List<FaultMark> marks = new ArrayList<>();
        if (file == null || !Files.exists(file)) {
            return marks;
        }
        for (String line : Files.readAllLines(file)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            String[] parts = trimmed.split("\\s+", 2);
            try {
                marks.add(new FaultMark(Long.parseLong(parts[0]), parts.length > 1 ? parts[1] : "mark"));
            } catch (NumberFormatException e) {
                System.err.println("faultload: skipped a marks line that does not start with epoch ms: " + line);
            }
        }
        marks.sort(Comparator.comparingLong(FaultMark::epochMs));
        return marks;
    }
}
