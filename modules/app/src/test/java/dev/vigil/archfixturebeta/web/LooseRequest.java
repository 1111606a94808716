package dev.vigil.archfixturebeta.web;

import java.time.Instant;

/** Fixture: breaks "request records keep the input policies" with a bare String and a bare Instant. */
public record LooseRequest(String name, Instant at, int count) {
}
