package dev.vigil.platform.response;

import dev.vigil.platform.paging.PageResponses;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;

/**
 * A read's JSON body as the client is sent it, with its strong ETag and, for a page, its next cursor (which the
 * {@code Link} header needs). Kept in Redis as one value ({@link #encoded()}): the ETag, a line feed, the cursor,
 * a line feed, then the body; a cache hit is decoded by finding two line feeds, never by parsing JSON.
 *
 * @param <T> what the body is the JSON of, for the API's description only
 */
public final class JsonResponse<T> {

    private static final byte SEPARATOR = '\n';
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);
    /** Every client revalidates (and may then get a 304); no shared cache keeps a user's data. Built once. */
    private static final String REVALIDATE = CacheControl.noCache().cachePrivate().getHeaderValue();

    private final byte[] encoded;
    private final int bodyStart;
    private final String etag;
    @Nullable
    private final String nextCursor;

    private JsonResponse(byte[] encoded, int bodyStart, String etag, @Nullable String nextCursor) {
        this.encoded = encoded;
        this.bodyStart = bodyStart;
        this.etag = etag;
        this.nextCursor = nextCursor;
    }

    static <T> JsonResponse<T> of(byte[] body, String etag, @Nullable String nextCursor) {
        byte[] head = (etag + (char) SEPARATOR + (nextCursor == null ? "" : nextCursor) + (char) SEPARATOR)
                .getBytes(StandardCharsets.US_ASCII);
        byte[] encoded = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, encoded, head.length, body.length);
        return new JsonResponse<>(encoded, head.length, etag, nextCursor);
    }

    /** The response {@link #encoded()} made. */
    static <T> JsonResponse<T> decode(byte[] encoded) {
        int etagEnd = indexOf(encoded, 0);
        int cursorEnd = etagEnd < 0 ? -1 : indexOf(encoded, etagEnd + 1);
        if (cursorEnd < 0) {
            throw new IllegalArgumentException("not an encoded response: no ETag and cursor lines");
        }
        String etag = new String(encoded, 0, etagEnd, StandardCharsets.US_ASCII);
        String cursor = cursorEnd == etagEnd + 1 ? null
                : new String(encoded, etagEnd + 1, cursorEnd - etagEnd - 1, StandardCharsets.US_ASCII);
        return new JsonResponse<>(encoded, cursorEnd + 1, etag, cursor);
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == SEPARATOR) {
                return i;
            }
        }
        return -1;
    }

    byte[] encoded() {
        return encoded;
    }

    /** The quoted strong ETag, such as {@code "q3Zr..."}. */
    public String etag() {
        return etag;
    }

    @Nullable
    public String nextCursor() {
        return nextCursor;
    }

    /** True when the body is JSON {@code null}: what a read of something absent keeps. */
    boolean isNull() {
        return Arrays.equals(encoded, bodyStart, encoded.length, NULL, 0, NULL.length);
    }

    public int bodyLength() {
        return encoded.length - bodyStart;
    }

    public void writeBodyTo(OutputStream out) throws IOException {
        out.write(encoded, bodyStart, encoded.length - bodyStart);
    }

    /** The body as text, for tests and logs. */
    public String bodyAsString() {
        return new String(encoded, bodyStart, bodyLength(), StandardCharsets.UTF_8);
    }

    /**
     * 200 with this body, its ETag, {@code Cache-Control: private, no-cache}, and for a page with more rows the
     * {@code Link} to the next one. Spring MVC answers 304 with no body instead when the request's
     * {@code If-None-Match} names this ETag.
     */
    public ResponseEntity<JsonResponse<T>> ok(HttpServletRequest request) {
        ResponseEntity.BodyBuilder response =
                ResponseEntity.ok().eTag(etag).header(HttpHeaders.CACHE_CONTROL, REVALIDATE);
        if (nextCursor != null) {
            PageResponses.link(response, request, nextCursor);
        }
        return response.body(this);
    }
}
