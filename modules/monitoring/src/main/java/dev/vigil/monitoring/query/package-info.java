/**
 * monitoring's reads: the caller's exposures, a page at a time or one by id, each one named SQL statement
 * on {@code monitoring.exposure_feed} (one per filter shape, written for its index) or a hit in the read cache.
 * Depends on the platform's paging and read cache; the exposure feed projection invalidates the cache.
 */
@NonNullApi
package dev.vigil.monitoring.query;

import org.springframework.lang.NonNullApi;
