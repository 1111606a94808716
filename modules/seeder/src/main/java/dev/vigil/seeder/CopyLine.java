package dev.vigil.seeder;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/** Builds one row in PostgreSQL's COPY text format: tab-separated, {@code \N} for null, escaped text. */
final class CopyLine {

    private static final HexFormat HEX = HexFormat.of();

    private final StringBuilder out;
    private boolean first = true;

    CopyLine(StringBuilder out) {
        this.out = out;
    }

    CopyLine text(String value) {
        separate();
        if (value == null) {
            out.append("\\N");
            return this;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return this;
    }

    CopyLine value(Object value) {
        return text(value == null ? null : value.toString());
    }

    CopyLine time(Instant value) {
        return text(value == null ? null : value.toString());
    }

    CopyLine bytes(byte[] value) {
        separate();
        // bytea hex input; the backslash is doubled because COPY's text format unescapes it first
        out.append("\\\\x").append(HEX.formatHex(value));
        return this;
    }

    /** A text[] of plain words (no quoting needed). */
    CopyLine words(List<? extends Enum<?>> values) {
        separate();
        out.append('{');
        for (int i = 0; i < values.size(); i++) {
            out.append(i == 0 ? "" : ",").append(values.get(i).name());
        }
        out.append('}');
        return this;
    }

    void end() {
        out.append('\n');
    }

    private void separate() {
        if (!first) {
            out.append('\t');
        }
        first = false;
    }
}
