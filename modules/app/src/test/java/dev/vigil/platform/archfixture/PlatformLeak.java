package dev.vigil.platform.archfixture;

import dev.vigil.archfixturealpha.api.AlphaEvent;

/** Fixture: breaks "the platform depends on no business module". */
public class PlatformLeak {
    public AlphaEvent event;
}
