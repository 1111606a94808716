/**
 * alerting's public surface: commands, events and views (records and enums only).
 */
package dev.vigil.alerting.api;
