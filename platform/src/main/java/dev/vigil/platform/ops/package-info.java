/**
 * The operations surface the platform adds to Spring Boot Actuator: the structured start-up report
 * of which database and Redis this instance connected to (never with secrets).
 */
@NonNullApi
package dev.vigil.platform.ops;

import org.springframework.lang.NonNullApi;
