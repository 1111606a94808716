package dev.vigil.archfixturealpha.internal;

import dev.vigil.archfixturebeta.api.BetaEvent;

/** Fixture: internal class of module alpha; with BetaEvent closes a cycle alpha → beta → alpha. */
public class AlphaSecret {
    public BetaEvent last;
}
