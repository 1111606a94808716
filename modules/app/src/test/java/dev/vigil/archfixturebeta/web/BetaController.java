package dev.vigil.archfixturebeta.web;

import dev.vigil.archfixturealpha.api.AlphaEvent;
import dev.vigil.archfixturealpha.internal.AlphaSecret;

/** Fixture: uses alpha's api (allowed) and alpha's internals (not allowed). */
public class BetaController {
    public AlphaEvent allowed;
    public AlphaSecret notAllowed;
}
