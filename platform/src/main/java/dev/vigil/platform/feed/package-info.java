/**
 * Feeds: a user's rows of one read table, newest first, paged and filtered, declared by a module in a few lines
 * ({@link dev.vigil.platform.feed.Feeds}) rather than written out per list: one set of filter rules
 * ({@link dev.vigil.platform.feed.FeedFilter}, {@link dev.vigil.platform.feed.TimeWindow}), one statement per filter
 * shape written for its index, one cursor binding and one cache-key scheme. Depends on the platform's paging, response (read
 * cache) and web packages.
 */
@NonNullApi
package dev.vigil.platform.feed;

import org.springframework.lang.NonNullApi;
