/**
 * Paging for every list endpoint: a {@link dev.vigil.platform.paging.PageRequest} argument (limit, signed keyset
 * cursor, capped offset), a {@link dev.vigil.platform.paging.PageQuery} for the repository, and
 * {@link dev.vigil.platform.paging.Page} with its RFC 8288 {@code Link} header (docs/api-conventions.md).
 * Depends on the platform's security settings for the cursor key and its web package for problem+json.
 */
@NonNullApi
package dev.vigil.platform.paging;

import org.springframework.lang.NonNullApi;
