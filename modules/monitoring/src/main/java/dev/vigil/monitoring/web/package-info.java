/**
 * monitoring's HTTP endpoints: the caller's exposures (list and detail) and removal requests under
 * {@code /api/v1} (user token), scan ingestion and removal outcomes under {@code /internal/v1/monitoring}
 * (service token).
 */
package dev.vigil.monitoring.web;
