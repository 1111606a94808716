/**
 * alerting's public surface: commands, events and views (records and enums), and {@link AlertTitles}, the pure
 * function that titles each kind of alert.
 */
package dev.vigil.alerting.api;
