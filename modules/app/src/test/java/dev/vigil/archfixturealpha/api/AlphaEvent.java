package dev.vigil.archfixturealpha.api;

/** Fixture: a legal api record. */
public record AlphaEvent(String id) {
}
