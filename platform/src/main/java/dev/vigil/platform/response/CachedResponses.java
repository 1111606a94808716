package dev.vigil.platform.response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.platform.cache.CacheSpace;
import dev.vigil.platform.cache.ReadCache;
import dev.vigil.platform.paging.Page;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.lang.Nullable;

/**
 * Reads answered as {@link JsonResponse}s: serialized once when loaded, kept in the {@link ReadCache} as the bytes
 * the client is sent, and served from there as they are. Invalidation, single flight and the Redis fallbacks are
 * the read cache's, unchanged.
 * <p>
 * The ETag is a digest of the user and the body, so it is the same on every instance and after every reload of
 * an unchanged read (an invalidation that changed nothing still answers 304), and no two users' ETags meet.
 */
public final class CachedResponses {

    /** Response entries live beside any other entry of the namespace, in a format of their own. */
    private static final String ENTRY_PREFIX = "response:";
    private static final int ETAG_BYTES = 16;
    private static final Base64.Encoder ETAG_TEXT = Base64.getUrlEncoder().withoutPadding();

    private final ReadCache cache;
    private final ObjectMapper json;

    CachedResponses(ReadCache cache, ObjectMapper json) {
        this.cache = cache;
        this.json = json;
    }

    /**
     * The user's entry {@code entryKey} of {@code space} (see {@link ReadCache#get}), or the loader's value as a
     * response, stored for the next read.
     */
    public <T> JsonResponse<T> get(CacheSpace space, UUID userId, String entryKey, Supplier<? extends T> loader) {
        return JsonResponse.decode(
                cache.getBytes(space, userId, ENTRY_PREFIX + entryKey, () -> of(userId, loader.get()).encoded()));
    }

    /** {@link #get} for one thing that may be absent: empty when it is (the cache keeps JSON {@code null}). */
    public <T> Optional<JsonResponse<T>> find(CacheSpace space, UUID userId, String entryKey,
            Supplier<Optional<T>> loader) {
        JsonResponse<T> response = get(space, userId, entryKey, () -> loader.get().orElse(null));
        return response.isNull() ? Optional.empty() : Optional.of(response);
    }

    /** A response that is not cached, such as a page deep in a list; {@code value} must not be null. */
    public <T> JsonResponse<T> of(UUID userId, @Nullable T value) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a read's value cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
        return JsonResponse.of(body, etag(userId, body), value instanceof Page<?> page ? page.nextCursor() : null);
    }

    private static String etag(UUID userId, byte[] body) {
        MessageDigest sha256 = sha256();
        sha256.update(ByteBuffer.allocate(16).putLong(userId.getMostSignificantBits())
                .putLong(userId.getLeastSignificantBits()).array());
        byte[] digest = sha256.digest(body);
        return '"' + ETAG_TEXT.encodeToString(Arrays.copyOf(digest, ETAG_BYTES)) + '"';
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
