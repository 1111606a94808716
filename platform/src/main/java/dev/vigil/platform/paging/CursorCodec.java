package dev.vigil.platform.paging;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Writes and checks keyset cursors: base64url (no padding) of a version byte, the position (epoch microseconds
 * and the id) and an HMAC-SHA256 tag over those bytes and the {@link CursorBinding}. A cursor that was modified,
 * cut short, made up, issued under another version or key, or bound to another feed, user or filters fails the
 * check; checking never throws for any input.
 */
final class CursorCodec {

    static final byte VERSION = 1;
    /** Derives the cursor key from the JWT secret, so the two keys never coincide and no new secret is needed. */
    static final String KEY_LABEL = "vigil-cursor-v1";

    private static final String HMAC = "HmacSHA256";
    private static final int POSITION_BYTES = 1 + Long.BYTES + 2 * Long.BYTES;
    private static final int TAG_BYTES = 32;
    /** 57 bytes, a multiple of 3: the base64 text has no padding and no spare bits, so one cursor has one text. */
    private static final int CURSOR_BYTES = POSITION_BYTES + TAG_BYTES;
    static final int CURSOR_CHARS = CURSOR_BYTES / 3 * 4;

    private final SecretKeySpec key;
    private final byte version;

    CursorCodec(byte[] key, byte version) {
        this.key = new SecretKeySpec(key, HMAC);
        this.version = version;
    }

    static CursorCodec keyedBy(String jwtSecret) {
        return new CursorCodec(keyFor(jwtSecret), VERSION);
    }

    /** HMAC(secret, label): knowing cursor keys reveals nothing about the secret that signs tokens. */
    static byte[] keyFor(String jwtSecret) {
        SecretKeySpec secret = new SecretKeySpec(jwtSecret.getBytes(StandardCharsets.UTF_8), HMAC);
        return hmac(secret, KEY_LABEL.getBytes(StandardCharsets.UTF_8));
    }

    String encode(KeysetPosition position, CursorBinding binding) {
        byte[] positionBytes = ByteBuffer.allocate(POSITION_BYTES)
                .put(version)
                .putLong(position.epochMicros())
                .putLong(position.id().getMostSignificantBits())
                .putLong(position.id().getLeastSignificantBits())
                .array();
        byte[] cursor = Arrays.copyOf(positionBytes, CURSOR_BYTES);
        System.arraycopy(tag(positionBytes, binding), 0, cursor, POSITION_BYTES, TAG_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(cursor);
    }

    /** The position, or empty when the cursor is not one this codec issued for this binding. */
    Optional<KeysetPosition> decode(String cursor, CursorBinding binding) {
        if (cursor.length() != CURSOR_CHARS) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException notBase64Url) {
            return Optional.empty();
        }
        if (bytes.length != CURSOR_BYTES) {
            return Optional.empty();
        }
        byte[] positionBytes = Arrays.copyOf(bytes, POSITION_BYTES);
        byte[] tag = Arrays.copyOfRange(bytes, POSITION_BYTES, CURSOR_BYTES);
        // constant time, so response timing does not reveal how much of a forged tag was right
        if (!MessageDigest.isEqual(tag, tag(positionBytes, binding))) {
            return Optional.empty();
        }
        ByteBuffer position = ByteBuffer.wrap(positionBytes);
        if (position.get() != version) {
            return Optional.empty(); // signed with this key, but laid out by another version
        }
        long epochMicros = position.getLong();
        UUID id = new UUID(position.getLong(), position.getLong());
        return Optional.of(KeysetPosition.ofEpochMicros(epochMicros, id));
    }

    private byte[] tag(byte[] positionBytes, CursorBinding binding) {
        byte[] feed = binding.feed().getBytes(StandardCharsets.UTF_8);
        byte[] filters = binding.filters().canonical().getBytes(StandardCharsets.UTF_8);
        // lengths first, so no two bindings run together into the same bytes
        byte[] message = ByteBuffer.allocate(positionBytes.length + Integer.BYTES + feed.length + 2 * Long.BYTES
                        + Integer.BYTES + filters.length)
                .put(positionBytes)
                .putInt(feed.length).put(feed)
                .putLong(binding.userId().getMostSignificantBits())
                .putLong(binding.userId().getLeastSignificantBits())
                .putInt(filters.length).put(filters)
                .array();
        return hmac(key, message);
    }

    private static byte[] hmac(SecretKeySpec key, byte[] message) {
        try {
            // a Mac is not thread-safe; a new one per call is cheap next to the query the cursor is for
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
