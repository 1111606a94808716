/**
 * Axon Framework without Axon Server: the JDBC event store and token store on the platform's
 * DataSource, in the {@code axon} schema that Flyway creates (Axon never creates schema here), with
 * Jackson serialization through an ObjectMapper of its own, so web JSON settings never change stored events.
 * Also how read models are run: pooled processors, read-your-writes ({@link
 * dev.vigil.platform.axon.ConsistentCommandGateway}), the cached reads each projection declares ({@link
 * dev.vigil.platform.axon.CachedReads}), rebuilds, and the dead-letter queue that parks what a read model cannot
 * apply ({@link dev.vigil.platform.axon.DeadLetters}). Depends on the platform's read cache and paging.
 */
@NonNullApi
package dev.vigil.platform.axon;

import org.springframework.lang.NonNullApi;
