/**
 * Where the servers come from when nobody said: the local defaults ({@code localhost:5432},
 * {@code localhost:6379}) if they answer, otherwise a real embedded PostgreSQL (zonky) and Redis
 * (embedded-redis) started for this JVM and removed with it. Disabled by {@code vigil.dev-servers.enabled=false}
 * (the production profile); never used when {@code VIGIL_DB_URL} / {@code VIGIL_REDIS_URL} are set.
 */
@NonNullApi
package dev.vigil.platform.devservers;

import org.springframework.lang.NonNullApi;
