/**
 * The one HikariCP pool of an instance, built from {@code vigil.db.*} with every timeout set on purpose
 * (see docs/pooling.md), and JDBC URL helpers shared with the development servers.
 */
@NonNullApi
package dev.vigil.platform.jdbc;

import org.springframework.lang.NonNullApi;
