package dev.vigil.seeder;

import java.io.PrintStream;

/** A one-line progress bar on stderr, redrawn at most once a second, and the final figures. */
final class Progress {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final int users;
    private final long started = System.nanoTime();
    private long lastDrawn;

    Progress(PrintStream out, int users) {
        this.out = out;
        this.users = users;
    }

    void loaded(int usersDone, long rows) {
        long now = System.nanoTime();
        if (now - lastDrawn < 1_000_000_000L && usersDone < users) {
            return;
        }
        lastDrawn = now;
        int filled = (int) ((long) WIDTH * usersDone / users);
        out.printf("\r[%s%s] %3d%%  users %,d/%,d  rows %,d  %,.0f rows/s  %s   ", "#".repeat(filled),
                ".".repeat(WIDTH - filled), 100L * usersDone / users, usersDone, users, rows, rows / seconds(),
                elapsed());
        out.flush();
    }

    void phase(String what) {
        out.printf("%n%s (%s)", what, elapsed());
        out.flush();
    }

    double seconds() {
        return Math.max(1e-9, (System.nanoTime() - started) / 1e9);
    }

    String elapsed() {
        long s = (long) seconds();
        return String.format("%d:%02d", s / 60, s % 60);
    }
}
