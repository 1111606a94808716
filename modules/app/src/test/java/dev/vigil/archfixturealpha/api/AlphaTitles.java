package dev.vigil.archfixturealpha.api;

/** Fixture: a legal api helper, a final class of static functions. */
public final class AlphaTitles {

    public static final int MAX_LENGTH = 20;

    private AlphaTitles() {
    }

    public static String titleOf(AlphaEvent event) {
        return "Alpha " + event.id();
    }
}
