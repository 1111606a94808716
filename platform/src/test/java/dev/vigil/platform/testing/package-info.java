/**
 * Test support shared with every module (the platform test-jar): each Spring test context gets a database
 * and a Redis key prefix of its own, on whichever servers the development-server rules found, and
 * drops them when the context closes. Tests never depend on leftovers, and runs never collide.
 */
package dev.vigil.platform.testing;
