/**
 * alerting's HTTP endpoints under {@code /api/v1/alerts}, on behalf of the signed-in user: what they do with their
 * alerts (commands) and what they see of them (reads through {@code query}).
 */
package dev.vigil.alerting.web;
