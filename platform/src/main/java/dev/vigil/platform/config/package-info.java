/** How the platform's defaults reach every Spring environment: as properties any deployment can override. */
package dev.vigil.platform.config;
