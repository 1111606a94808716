/**
 * alerting's reads for the API: a user's alerts, declared as a platform feed ({@link dev.vigil.alerting.query.AlertFeed})
 * on {@code alerting.alert_feed}: a page at a time or one by id, each one named statement written for the index
 * that serves it, first pages and single alerts behind the read cache.
 */
@NonNullApi
package dev.vigil.alerting.query;

import org.springframework.lang.NonNullApi;
