/**
 * Warms the hot read paths before the instance reports itself ready, so that its first real requests are served at
 * steady-state latency (docs/reliability.md, "Start-up"); depends on nothing but Spring Boot and the platform's token
 * minter.
 */
@NonNullApi
package dev.vigil.app.warmup;

import org.springframework.lang.NonNullApi;
