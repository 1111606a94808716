/**
 * Every SQL statement passes through datasource-proxy around the Hikari pool: it is named (its leading
 * comment), timed into {@code db.query}, and counted against the HTTP request that ran it.
 */
@NonNullApi
package dev.vigil.platform.sql;

import org.springframework.lang.NonNullApi;
