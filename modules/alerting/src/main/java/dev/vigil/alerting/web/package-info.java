/**
 * alerting's HTTP endpoints under {@code /api/v1/alerts}, on behalf of the signed-in user.
 */
package dev.vigil.alerting.web;
