/**
 * billing's reads: one named statement per read, served from the read model.
 */
@NonNullApi
package dev.vigil.billing.query;

import org.springframework.lang.NonNullApi;
