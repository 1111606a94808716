package dev.vigil.platform.idempotency;

import org.springframework.lang.Nullable;

/** The response the first request with a key produced. */
record StoredResponse(int status, @Nullable String contentType, @Nullable String location, byte[] body) {
}
