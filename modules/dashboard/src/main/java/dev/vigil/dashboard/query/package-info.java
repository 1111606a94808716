/**
 * dashboard's read: the caller's summary row, by primary key, never computed at read time.
 */
@NonNullApi
package dev.vigil.dashboard.query;

import org.springframework.lang.NonNullApi;
