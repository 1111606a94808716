/**
 * The one HikariCP pool of an instance: Spring Boot's, configured with {@code spring.datasource.*} and
 * {@code spring.datasource.hikari.*} (Vigil's defaults have the lowest precedence), plus Vigil's connection
 * settings {@code vigil.datasource.*}, each checked at start-up (see docs/pooling.md); and JDBC helpers.
 */
@NonNullApi
package dev.vigil.platform.jdbc;

import org.springframework.lang.NonNullApi;
