package dev.vigil.platform.idempotency;

import org.springframework.lang.Nullable;

/** What the store holds for a key: the request's hash and, once it finished, its response. */
record IdempotencyRecord(byte[] requestHash, @Nullable StoredResponse response) {
}
