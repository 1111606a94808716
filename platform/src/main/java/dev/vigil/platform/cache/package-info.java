/**
 * The read cache ({@link dev.vigil.platform.cache.ReadCache}): read-through, per user and {@link
 * dev.vigil.platform.cache.CacheSpace}, on Redis, invalidated a whole user namespace at a time after the read
 * model commits, with single-flight loads and a fallback to the database whenever Redis fails. Depends on the
 * platform's Redis client and JSON mapper.
 */
@NonNullApi
package dev.vigil.platform.cache;

import org.springframework.lang.NonNullApi;
