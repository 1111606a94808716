/**
 * Axon Framework without Axon Server: the JDBC event store and token store on the platform's
 * DataSource, in the {@code axon} schema that Flyway creates (Axon never creates schema here), with
 * Jackson serialization through an ObjectMapper of its own, so web JSON settings never change stored events.
 */
@NonNullApi
package dev.vigil.platform.axon;

import org.springframework.lang.NonNullApi;
