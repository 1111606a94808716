package dev.vigil.seeder;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Rows in PostgreSQL's binary COPY format: per row a field count, per field its length (-1 for null) and its
 * value in the type's send/receive form. Binary rather than text because the server then stores values
 * without parsing them (no hex decoding of bytea, no timestamp or uuid parsing) and bytea travels at its own
 * size instead of doubled in hex; measured in docs/seeding.md.
 */
final class BinaryRows {

    /** The stream header: signature, flags, header extension length. */
    static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};
    /** The stream trailer: a field count of -1. */
    static final byte[] TRAILER = {(byte) 0xFF, (byte) 0xFF};

    /** PostgreSQL's timestamps count microseconds from 2000-01-01T00:00Z. */
    private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;
    private static final int TEXT_OID = 25;

    private byte[] bytes;
    private int size;
    private int rowStart = -1;
    private short fields;
    private int rows;

    BinaryRows(int capacity) {
        bytes = new byte[Math.max(64, capacity)];
    }

    BinaryRows row() {
        rowStart = size;
        fields = 0;
        putShort((short) 0); // the field count, set when the row ends
        rows++;
        return this;
    }

    void end() {
        bytes[rowStart] = (byte) (fields >>> 8);
        bytes[rowStart + 1] = (byte) fields;
    }

    BinaryRows text(String value) {
        return value == null ? nul() : bytes(value.getBytes(StandardCharsets.UTF_8));
    }

    /** Enums and other values stored as their text. */
    BinaryRows value(Object value) {
        return value == null ? nul() : text(value.toString());
    }

    BinaryRows bytes(byte[] value) {
        if (value == null) {
            return nul();
        }
        field(value.length);
        ensure(value.length);
        System.arraycopy(value, 0, bytes, size, value.length);
        size += value.length;
        return this;
    }

    BinaryRows uuid(UUID value) {
        if (value == null) {
            return nul();
        }
        field(16);
        putLong(value.getMostSignificantBits());
        putLong(value.getLeastSignificantBits());
        return this;
    }

    BinaryRows time(Instant value) {
        if (value == null) {
            return nul();
        }
        field(8);
        putLong((value.getEpochSecond() - POSTGRES_EPOCH_SECONDS) * 1_000_000L + value.getNano() / 1_000);
        return this;
    }

    BinaryRows int8(long value) {
        field(8);
        putLong(value);
        return this;
    }

    /**
     * A bigint to be given later ({@link #setLong}), for values known only when the rows are written in order.
     * Returns where it is.
     */
    int int8Slot() {
        field(8);
        int at = size;
        putLong(0);
        return at;
    }

    BinaryRows int4(int value) {
        field(4);
        putInt(value);
        return this;
    }

    BinaryRows bool(boolean value) {
        field(1);
        ensure(1);
        bytes[size++] = (byte) (value ? 1 : 0);
        return this;
    }

    /** A one-dimensional text[] of enum names. */
    BinaryRows words(List<? extends Enum<?>> values) {
        int length = 20;
        byte[][] names = new byte[values.size()][];
        for (int i = 0; i < names.length; i++) {
            names[i] = values.get(i).name().getBytes(StandardCharsets.US_ASCII);
            length += 4 + names[i].length;
        }
        field(length);
        putInt(1);          // dimensions
        putInt(0);          // no nulls
        putInt(TEXT_OID);   // element type
        putInt(names.length);
        putInt(1);          // lower bound
        for (byte[] name : names) {
            putInt(name.length);
            ensure(name.length);
            System.arraycopy(name, 0, bytes, size, name.length);
            size += name.length;
        }
        return this;
    }

    void setLong(int at, long value) {
        for (int i = 7; i >= 0; i--) {
            bytes[at + i] = (byte) value;
            value >>>= 8;
        }
    }

    byte[] array() {
        return bytes;
    }

    int size() {
        return size;
    }

    int rows() {
        return rows;
    }

    /** A copy of the bytes written (for tests). */
    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    private BinaryRows nul() {
        fields++;
        putInt(-1);
        return this;
    }

    private void field(int length) {
        fields++;
        putInt(length);
    }

    private void putShort(short value) {
        ensure(2);
        bytes[size++] = (byte) (value >>> 8);
        bytes[size++] = (byte) value;
    }

    private void putInt(int value) {
        ensure(4);
        bytes[size++] = (byte) (value >>> 24);
        bytes[size++] = (byte) (value >>> 16);
        bytes[size++] = (byte) (value >>> 8);
        bytes[size++] = (byte) value;
    }

    private void putLong(long value) {
        ensure(8);
        setLong(size, value);
        size += 8;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
