/**
 * monitoring's public surface: commands, events and views (records and enums), and {@link Fingerprint}, the
 * pure function that tells whether two findings of one user are the same exposure.
 */
package dev.vigil.monitoring.api;
