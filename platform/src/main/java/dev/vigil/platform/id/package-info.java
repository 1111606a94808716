/**
 * Identifiers: UUID version 7, which sort by creation time so that index inserts stay append-mostly.
 */
@NonNullApi
package dev.vigil.platform.id;

import org.springframework.lang.NonNullApi;
