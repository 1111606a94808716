/**
 * The production-volume data seeder ({@code bin/seed}): generates a deterministic population, writes its events
 * into Axon's event store and the rows every projection would build from them into the read tables, by binary COPY,
 * and sets every event processor's token at the head. Depends on the platform (pool, Flyway, Axon serializer)
 * and on the modules' {@code api} packages only (events, enums, monitoring's fingerprint, alerting's titles), which
 * the app's module rules check.
 */
package dev.vigil.seeder;
