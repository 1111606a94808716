/**
 * The deployable: the Spring Boot main class and its wiring. The platform arrives through
 * auto-configuration; business modules through component scanning of {@code dev.vigil}.
 */
package dev.vigil.app;
