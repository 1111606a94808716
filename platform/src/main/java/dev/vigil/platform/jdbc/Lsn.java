package dev.vigil.platform.jdbc;

/** A PostgreSQL WAL position ({@code pg_lsn}, written {@code 16/B374D848}) as the number it stands for. */
final class Lsn {

    private Lsn() {
    }

    static long parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 1) {
            throw new IllegalArgumentException("not an LSN: " + text);
        }
        return Long.parseUnsignedLong(text.substring(0, slash), 16) << 32
                | Long.parseUnsignedLong(text.substring(slash + 1), 16);
    }
}
