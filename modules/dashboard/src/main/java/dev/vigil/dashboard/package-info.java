/**
 * dashboard: read-only; one summary row per user, fed by every module's events. Owns the {@code dashboard}
 * schema. Depends on the platform and on other modules' {@code api} events.
 */
package dev.vigil.dashboard;
