/**
 * Development only (the {@code vigil-devservers} artifact: on the classpath of the README's run command and of
 * the tests, never in the production jar). Where the servers come from when nobody said: the local defaults
 * ({@code localhost:5432}, {@code localhost:6379}) if they answer, otherwise a real embedded PostgreSQL (zonky)
 * and Redis (embedded-redis) started for this JVM and removed after its application contexts have closed.
 * Disabled by {@code vigil.dev-servers.enabled=false} (the production profile); never used for a server the user
 * configured ({@code VIGIL_DB_URL} / {@code spring.datasource.url}, {@code VIGIL_REDIS_URL}).
 */
@NonNullApi
package dev.vigil.platform.devservers;

import org.springframework.lang.NonNullApi;
