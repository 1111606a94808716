package dev.vigil.seeder;

/** How much a seeded user has: most are light; one in a hundred is heavy. */
enum UserKind {
    LIGHT, HEAVY;

    /** Every hundredth user, at a fixed offset: exactly 1%, spread evenly, the same at every scale. */
    static UserKind of(int userIndex) {
        return userIndex % 100 == 37 ? HEAVY : LIGHT;
    }

    /**
     * Exposures: light users log-normal around 13 (5 to 400, mean about 20), heavy ones around 2,600 (1,000 to
     * 15,000, mean about 3,000). With reappearances and billing alerts, alerts come to about twice the exposures.
     */
    int exposures(Randoms random) {
        return switch (this) {
            case LIGHT -> clamp(Math.exp(2.6 + 0.9 * random.gaussian()), 5, 400);
            case HEAVY -> clamp(Math.exp(7.85 + 0.5 * random.gaussian()), 1_000, 15_000);
        };
    }

    /** How often the user pressed "mark all read". */
    int markAllReads(Randoms random) {
        return switch (this) {
            case LIGHT -> random.between(0, 6);
            case HEAVY -> random.between(10, 40);
        };
    }

    String csvName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    private static int clamp(double value, int min, int max) {
        return (int) Math.max(min, Math.min(max, Math.round(value)));
    }
}
