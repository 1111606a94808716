package dev.vigil.loadtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes when the measured part of a run starts and ends (epoch milliseconds) to {@code -DwindowFile}, so
 * bin/loadtest averages its CPU samples over the load itself, not over JVM start-up, API setup or the ramp.
 */
final class RunWindow {

    private RunWindow() {
    }

    static void mark(String event, long epochMillis) {
        String file = LoadSettings.text("windowFile", "");
        if (file.isEmpty()) {
            return;
        }
        try {
            Files.writeString(Path.of(file), event + " " + epochMillis + "\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run window to " + file, e);
        }
    }
}
