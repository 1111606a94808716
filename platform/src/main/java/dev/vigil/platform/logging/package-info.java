/**
 * Log context (request ids and event processor names in the MDC) and rate-limited warnings.
 */
@NonNullApi
package dev.vigil.platform.logging;

import org.springframework.lang.NonNullApi;
