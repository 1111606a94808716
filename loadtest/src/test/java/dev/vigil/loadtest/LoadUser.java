package dev.vigil.loadtest;

import java.util.UUID;

/** One seeded or API-created Vigil user the simulations act as; {@code kind} is light or heavy. */
record LoadUser(UUID id, String kind) {
}
