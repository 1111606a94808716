/**
 * monitoring's reads for the API: a user's exposures, declared as a platform feed
 * ({@link dev.vigil.monitoring.query.ExposureFeed}) on {@code monitoring.exposure_feed}: a page at a time or one by
 * id, each one named statement written for the index that serves it, or a hit in the read cache.
 */
@NonNullApi
package dev.vigil.monitoring.query;

import org.springframework.lang.NonNullApi;
