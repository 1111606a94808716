/**
 * The instance's pooled Redis client (Jedis), built from {@code vigil.redis.*} with bounded connect,
 * socket and borrow timeouts, and its health indicator.
 */
@NonNullApi
package dev.vigil.platform.redis;

import org.springframework.lang.NonNullApi;
