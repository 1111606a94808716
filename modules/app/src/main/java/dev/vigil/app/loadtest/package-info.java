/**
 * Load-test-only endpoints, active under the {@code loadtest} Spring profile alone (bin/loadtest sets it);
 * depends on nothing but Spring Web and Security.
 */
@NonNullApi
package dev.vigil.app.loadtest;

import org.springframework.lang.NonNullApi;
