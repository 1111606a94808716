/**
 * monitoring's HTTP endpoints: removal requests under {@code /api/v1} (user token), scan ingestion and
 * removal outcomes under {@code /internal/v1/monitoring} (service token).
 */
package dev.vigil.monitoring.web;
