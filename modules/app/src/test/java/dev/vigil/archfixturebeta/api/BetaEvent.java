package dev.vigil.archfixturebeta.api;

/** Fixture: a legal api record of module beta. */
public record BetaEvent(String id) {
}
