package dev.vigil.archfixturealpha.api;

/** Fixture: breaks "api holds records, enums and static functions" (a final class with an instance method). */
public final class AlphaService {

    public String describe(AlphaEvent event) {
        return "Alpha " + event.id();
    }
}
