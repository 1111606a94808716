package dev.vigil.billing.api;

/** What a subscription pays for. */
public enum Plan {
    FREE, PLUS, FAMILY
}
