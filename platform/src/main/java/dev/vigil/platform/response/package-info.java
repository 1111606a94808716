/**
 * JSON responses as bytes: a read's body serialized once, kept in the read cache as the bytes a client is sent
 * with its ETag ({@link dev.vigil.platform.response.CachedResponses}), written as they are
 * ({@link dev.vigil.platform.response.JsonResponseConverter}), and answered with 304 when the client already holds
 * them. Depends on the platform's read cache and paging packages.
 */
@NonNullApi
package dev.vigil.platform.response;

import org.springframework.lang.NonNullApi;
