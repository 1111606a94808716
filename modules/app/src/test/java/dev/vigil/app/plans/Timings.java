package dev.vigil.app.plans;

import java.util.List;

/** Execution times in milliseconds: each user's first run (cold) and the random runs after them (warm). */
record Timings(List<Double> cold, List<Double> warm) {
}
