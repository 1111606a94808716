/**
 * {@code Idempotency-Key} support for every command endpoint: a retried request gets the first response
 * instead of running twice (docs/api-conventions.md).
 */
@NonNullApi
package dev.vigil.platform.idempotency;

import org.springframework.lang.NonNullApi;
