/**
 * Shared infrastructure without business words: connection pooling, Axon storage wiring, Redis,
 * the embedded development servers and the operations surface. Depends on no business module.
 */
package dev.vigil.platform;
