/**
 * dashboard's HTTP surface: {@code GET /api/v1/dashboard}.
 */
@NonNullApi
package dev.vigil.dashboard.web;

import org.springframework.lang.NonNullApi;
