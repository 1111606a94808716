/**
 * Log context: request ids and event processor names in the MDC.
 */
@NonNullApi
package dev.vigil.platform.logging;

import org.springframework.lang.NonNullApi;
