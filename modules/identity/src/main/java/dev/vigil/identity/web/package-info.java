/**
 * identity's HTTP endpoints under {@code /api/v1}.
 */
package dev.vigil.identity.web;
